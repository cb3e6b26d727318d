package com.contoso.orders;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Shopping-cart sessions in Azure Cache for Redis, with a Microsoft Entra token instead of the access key. */
public class SessionCache {
    private static final HostAndPort CACHE = new HostAndPort("orders-sessions.redis.cache.windows.net", 6380);

    Jedis carts() {
        AccessToken token = new DefaultAzureCredentialBuilder().build()
                .getToken(new TokenRequestContext().addScopes("https://redis.azure.com/.default")).block();
        return new Jedis(CACHE, DefaultJedisClientConfig.builder()
                .user(System.getenv("ORDERS_IDENTITY_OBJECT_ID"))
                .password(token.getToken())
                .ssl(true)
                .build());
    }

    Jedis wishlists() {
        return carts();
    }
}
