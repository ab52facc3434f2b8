package id.ktpscan.token.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers and secrets, all from one {@link SecureRandom}. */
public final class RandomIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** {@code prefix} followed by {@code bytes} random bytes in lower-case hex. */
  public static String hex(String prefix, int bytes) {
    return prefix + HexFormat.of().formatHex(randomBytes(bytes));
  }

  /** {@code prefix} followed by {@code bytes} random bytes in unpadded base64url. */
  public static String urlSafe(String prefix, int bytes) {
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
  }

  public static byte[] randomBytes(int bytes) {
    byte[] out = new byte[bytes];
    RANDOM.nextBytes(out);
    return out;
  }
}
