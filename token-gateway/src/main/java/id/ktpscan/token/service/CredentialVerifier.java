package id.ktpscan.token.service;

import id.ktpscan.token.Partner;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a partner's passkey against its slow hash, remembering in memory (as a keyed HMAC, never
 * the passkey) which passkey last verified, so a partner that asks for tokens often pays the slow
 * hash once per passkey and process.
 *
 * <p>A remembered entry is tied to the stored hash it was checked against: rotating the passkey
 * changes the hash and voids the entry. A wrong passkey always takes the slow path, so failures
 * cost the same time whether or not the client is known.
 */
@ApplicationScoped
public class CredentialVerifier {

  private static final int MAX_REMEMBERED = 10_000;

  private record Remembered(String passkeyHash, byte[] digest) {}

  private final PasskeyHasher hasher;
  private final byte[] processKey = RandomIds.randomBytes(32);
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  public CredentialVerifier(PasskeyHasher hasher) {
    this.hasher = hasher;
  }

  /** Whether {@code passkey} is the partner's current passkey. */
  public boolean matches(Partner partner, String passkey) {
    byte[] digest = hmac(passkey);
    Remembered known = remembered.get(partner.clientId);
    if (known != null
        && known.passkeyHash().equals(partner.passkeyHash)
        && MessageDigest.isEqual(known.digest(), digest)) {
      return true;
    }
    if (!hasher.verify(passkey, partner.passkeyHash)) {
      return false;
    }
    if (remembered.size() >= MAX_REMEMBERED) {
      remembered.clear();
    }
    remembered.put(partner.clientId, new Remembered(partner.passkeyHash, digest));
    return true;
  }

  private byte[] hmac(String passkey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(processKey, "HmacSHA256"));
      return mac.doFinal(passkey.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Spends the time of a failed verification for a client id that does not exist. */
  public void rejectUnknown(String passkey) {
    hasher.verifyDecoy(passkey);
  }
}
