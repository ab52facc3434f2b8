package id.ktpscan.token.config;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.quarkus.auth.RedisRevocationList;
import id.ktpscan.token.service.SigningKeyService;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans that are plain objects: the clock and the token verifier. */
public class BeanProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The shared verifier, fed from this service's own key snapshot instead of an HTTP JWKS fetch;
   * the checks are the ones every other service runs.
   */
  @Produces
  @Singleton
  TokenVerifier tokenVerifier(
      SigningKeyService keys, RedisDataSource redis, TokenConfig config, Clock clock) {
    JWKSource<SecurityContext> published =
        (selector, context) -> selector.select(keys.current().published());
    return new TokenVerifier(
        config.issuer(),
        published,
        new RedisRevocationList(redis),
        clock,
        new TokenVerifier.Options(
            config.clockSkew(),
            config.verifier().revocationRecheck(),
            config.verifier().maxCachedTokens()));
  }
}
