package id.ktpscan.callback.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code KTP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">},
 * with one {@code v1} per active secret while a rotated secret is still in its grace period. A
 * receiver recomputes the HMAC over the timestamp, a dot and the raw body, compares in constant
 * time against any {@code v1}, and rejects timestamps outside its tolerance (replays).
 */
public final class WebhookSignature {

  public static final String HEADER = "KTP-Signature";
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  /** The header value for a body signed at {@code timestamp} with each of {@code secrets}. */
  public static String header(Instant timestamp, String body, List<String> secrets) {
    long t = timestamp.getEpochSecond();
    StringBuilder value = new StringBuilder("t=").append(t);
    for (String secret : secrets) {
      value.append(",v1=").append(hmacHex(secret, t + "." + body));
    }
    return value.toString();
  }

  /**
   * Verifies a header as a partner would.
   *
   * @return true when one {@code v1} matches {@code secret} and the timestamp is within tolerance
   */
  public static boolean verify(
      String header, String body, String secret, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    List<String> signatures = new java.util.ArrayList<>();
    for (String element : header.split(",")) {
      String[] pair = element.trim().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      if (pair[0].equals("t")) {
        try {
          t = Long.parseLong(pair[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (pair[0].equals("v1")) {
        signatures.add(pair[1]);
      }
    }
    if (t == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    for (String signature : signatures) {
      if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  static String hmacHex(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
