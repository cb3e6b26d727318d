package com.contoso.orders;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Shopping-cart sessions in Azure Cache for Redis. */
public class SessionCache {
    private static final HostAndPort CACHE = new HostAndPort("orders-sessions.redis.cache.windows.net", 6380);

    Jedis carts() {
        return new Jedis(CACHE, DefaultJedisClientConfig.builder().password("QVgfPncGFW507b/39TjpF8t6AmKe0VRQ5wAUeovPU9U=").ssl(true).build());
    }

    Jedis wishlists() {
        return new Jedis(CACHE, DefaultJedisClientConfig.builder().password(System.getenv("WISHLIST_CACHE_KEY")).ssl(true).build());
    }
}
