package com.contoso.commerce.orders.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration
public class DataSourceConfig {

    @ConfigurationProperties(prefix = "orders.db")
    public record OrdersDbProperties(String url, String user, String pass, int poolSize) {
    }

    @Bean
    public DataSource ordersDataSource(OrdersDbProperties props) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(props.url());
        cfg.setUsername(props.user());
        cfg.setPassword(props.pass());
        cfg.setMaximumPoolSize(props.poolSize());
        cfg.setPoolName("orders-pool");
        return new HikariDataSource(cfg);
    }
}
