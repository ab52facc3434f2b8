package id.ktpscan.contracts.auth;

/**
 * Where verifiers learn that a token was revoked before it expired.
 *
 * <p>token-gateway writes one Redis key per revoked {@code jti}, named by {@link #redisKey}, that
 * lives as long as the token would have; every verifier reads the same key.
 */
@FunctionalInterface
public interface RevocationList {

  /** For verifiers that cannot reach the list (tests of pure logic). */
  RevocationList NONE = jti -> false;

  /**
   * Whether the token with this id was revoked.
   *
   * @throws RuntimeException when the list cannot be read; verifiers then refuse the token
   */
  boolean isRevoked(String jti);

  /** The Redis key that marks a revoked token. */
  static String redisKey(String jti) {
    return "ktp:revoked-jti:" + jti;
  }
}
