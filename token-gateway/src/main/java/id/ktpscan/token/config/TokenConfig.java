package id.ktpscan.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of token-gateway ({@code ktp.token.*}, or {@code KTP_TOKEN_*} variables). */
@ConfigMapping(prefix = "ktp.token")
public interface TokenConfig {

  /** The {@code iss} of every token; verifiers are configured with the same value. */
  @WithDefault("urn:ktp-scan:token-gateway")
  String issuer();

  /** Lifetime of partner tokens. */
  @WithDefault("PT1H")
  Duration partnerTokenTtl();

  /** Default and maximum lifetime of user tokens. */
  @WithDefault("PT15M")
  Duration userTokenTtl();

  /** Tolerated clock difference between token-gateway and verifiers. */
  @WithDefault("PT30S")
  Duration clockSkew();

  /** Bearer credential of the admin API (at least 32 characters); the API is off without it. */
  Optional<String> adminToken();

  /**
   * Credentials of the services that may mint user tokens, {@code name:secret[,name:secret…]} (each
   * secret at least 32 characters).
   */
  Optional<String> serviceKeys();

  /** Key ring ({@code id:base64key,…}) that encrypts the signing keys at rest. */
  String keyEncryptionKeys();

  /** How often each replica reloads the signing keys, so a rotation elsewhere reaches it. */
  @WithDefault("PT30S")
  Duration keyRefreshInterval();

  Passkey passkey();

  Verifier verifier();

  RateLimit rateLimit();

  /** Passkey hashing. */
  interface Passkey {
    /** PBKDF2-HMAC-SHA256 iterations for new hashes; stored hashes keep their own count. */
    @WithDefault("210000")
    int iterations();
  }

  /** The token verifier of this service (the partner endpoints here use it too). */
  interface Verifier {
    /** Tokens whose signature is remembered after the first check; 0 turns remembering off. */
    @WithDefault("10000")
    int maxCachedTokens();

    /** How long a "not revoked" answer is trusted before Redis is asked again. */
    @WithDefault("PT1S")
    Duration revocationRecheck();
  }

  /** Per-client limits on the token endpoint. */
  interface RateLimit {
    /** Token requests per client in one {@link #attemptWindow()}. */
    @WithDefault("120")
    int attempts();

    @WithDefault("PT1M")
    Duration attemptWindow();

    /** Failed authentications per client in one {@link #failureWindow()} before it is locked. */
    @WithDefault("10")
    int failures();

    @WithDefault("PT15M")
    Duration failureWindow();
  }
}
