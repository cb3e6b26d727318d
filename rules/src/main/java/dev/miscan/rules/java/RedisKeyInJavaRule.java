package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-REDIS-KEY",
        name = "java-redis-key",
        tier = Tier.SECRET,
        summary = "Azure Cache for Redis access key written in Java code and passed to a Redis client",
        description = "An Azure Cache for Redis access key reads, writes and flushes the whole cache and never expires. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Enable Microsoft Entra authentication on the cache, give the identity a data access policy (`az redis access-policy-assignment create`) and use a token as the password (Spring Cloud Azure: `spring.data.redis.azure.passwordless-enabled=true`); then disable access keys.",
        bad = "DefaultJedisClientConfig.builder().password(\"<access key>\").ssl(true)",
        good = "DefaultJedisClientConfig.builder().user(objectId).password(token.getToken()).ssl(true)",
        securitySeverity = "9.1",
        tags = {"java", "redis", "sink"},
        keywords = {".redis.cache.windows.net", ".redis.azure.net", ".redis.cache.chinacloudapi.cn", ".redis.cache.usgovcloudapi.net"},
        precedence = 5)
public final class RedisKeyInJavaRule extends JavaSinkRule {
    public RedisKeyInJavaRule() {
        super(SinkFamily.REDIS);
    }
}
