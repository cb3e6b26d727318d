package com.contoso.support.assistant.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration
public class CacheConfig {

    @ConfigurationProperties(prefix = "assistant.cache")
    public record CacheProps(String host, int port, boolean ssl, String key) {
    }

    @Bean
    LettuceConnectionFactory answerCacheConnectionFactory(CacheProps props) {
        RedisStandaloneConfiguration cfg = new RedisStandaloneConfiguration(props.host(), props.port());
        cfg.setPassword(RedisPassword.of(props.key()));
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder();
        if (props.ssl()) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(cfg, client.build());
    }
}
