package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-REDIS-KEY-AUTH",
        name = "java-redis-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Redis client in Java authenticates to Azure Cache for Redis with an access key",
        description = "An Azure Cache for Redis access key reads, writes and flushes the whole cache and never expires. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Enable Microsoft Entra authentication on the cache, give the identity a data access policy (`az redis access-policy-assignment create`) and use a token as the password (Spring Cloud Azure: `spring.data.redis.azure.passwordless-enabled=true`); then disable access keys.",
        bad = "DefaultJedisClientConfig.builder().password(accessKey).ssl(true)",
        good = "DefaultJedisClientConfig.builder().user(objectId).password(token.getToken()).ssl(true)",
        securitySeverity = "5.0",
        tags = {"java", "redis", "sink", "key-based-auth"},
        keywords = {".redis.cache.windows.net", ".redis.azure.net", ".redis.cache.chinacloudapi.cn", ".redis.cache.usgovcloudapi.net"},
        precedence = 50)
public final class RedisKeyAuthInJavaRule extends JavaSinkRule {
    public RedisKeyAuthInJavaRule() {
        super(SinkFamily.REDIS);
    }
}
