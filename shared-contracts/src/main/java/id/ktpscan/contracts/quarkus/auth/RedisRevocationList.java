package id.ktpscan.contracts.quarkus.auth;

import id.ktpscan.contracts.auth.RevocationList;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;

/** Reads the revocation marks token-gateway writes into Redis; services produce it as a bean. */
public class RedisRevocationList implements RevocationList {

  private final KeyCommands<String> keys;

  public RedisRevocationList(RedisDataSource redis) {
    this.keys = redis.key(String.class);
  }

  @Override
  public boolean isRevoked(String jti) {
    return keys.exists(RevocationList.redisKey(jti));
  }
}
