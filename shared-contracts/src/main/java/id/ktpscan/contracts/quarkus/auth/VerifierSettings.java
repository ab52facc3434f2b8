package id.ktpscan.contracts.quarkus.auth;

import id.ktpscan.contracts.auth.TokenVerifier;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.config.WithDefault;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * How a service verifies token-gateway's tokens: a config group that services nest in their own
 * {@code @ConfigMapping} (e.g. {@code ktp.iab.tokens.*}), so every verifier is set up alike.
 */
public interface VerifierSettings {

  @WithDefault("urn:ktp-scan:token-gateway")
  String issuer();

  /** Base URL of token-gateway, e.g. {@code http://token-gateway:8081}; the JWKS is under it. */
  URI tokenGatewayUrl();

  @WithDefault("PT30S")
  Duration clockSkew();

  @WithDefault("PT1S")
  Duration revocationRecheck();

  @WithDefault("10000")
  int maxCachedTokens();

  @WithDefault("PT5M")
  Duration jwksCacheTtl();

  /** The verifier these settings describe, reading revocations from the given Redis. */
  default TokenVerifier verifier(RedisDataSource redis, Clock clock) {
    try {
      return new TokenVerifier(
          issuer(),
          TokenVerifier.remoteJwks(
              tokenGatewayUrl().resolve("/.well-known/jwks.json").toURL(),
              jwksCacheTtl(),
              Duration.ofSeconds(30)),
          new RedisRevocationList(redis),
          clock,
          new TokenVerifier.Options(clockSkew(), revocationRecheck(), maxCachedTokens()));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("token-gateway URL is not a URL: " + tokenGatewayUrl(), e);
    }
  }
}
