package id.ktpscan.token.service;

import id.ktpscan.token.config.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted passkey hashes: PBKDF2-HMAC-SHA256, stored as {@code
 * pbkdf2-sha256$iterations$salt$hash} so the cost can rise without invalidating old hashes.
 */
@ApplicationScoped
public class PasskeyHasher {

  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final String decoy;

  public PasskeyHasher(TokenConfig config) {
    this.iterations = config.passkey().iterations();
    if (iterations < 10_000) {
      throw new IllegalArgumentException("ktp.token.passkey.iterations must be at least 10000");
    }
    this.decoy = hash(RandomIds.urlSafe("decoy_", 32));
  }

  public String hash(String passkey) {
    byte[] salt = RandomIds.randomBytes(SALT_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(passkey, salt, iterations));
  }

  /** Whether the passkey matches the stored hash; the comparison takes constant time. */
  public boolean verify(String passkey, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      throw new IllegalStateException("unknown passkey hash format");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    byte[] actual = derive(passkey, b64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Does the work of one verification against a decoy hash, so that an unknown client id costs as
   * much time as a wrong passkey.
   */
  public void verifyDecoy(String passkey) {
    verify(passkey, decoy);
  }

  private static byte[] derive(String passkey, byte[] salt, int rounds) {
    PBEKeySpec spec = new PBEKeySpec(passkey.toCharArray(), salt, rounds, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }
}
