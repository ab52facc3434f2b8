package id.ktpscan.contracts.events;

import java.util.Arrays;
import java.util.Objects;

/**
 * An AES-256-GCM ciphertext carried inside an event; on the wire {@code iv} and {@code ciphertext}
 * are base64 strings (Jackson writes the bytes as base64 directly, without an intermediate String).
 *
 * <p>The additional authenticated data is the id of the submission the payload belongs to, so a
 * payload copied into another event fails to decrypt.
 *
 * @param alg always {@code A256GCM}
 * @param keyId which key of the key ring encrypted it, so keys can rotate
 * @param iv the 12-byte nonce
 * @param ciphertext ciphertext followed by the 16-byte tag
 */
public record EncryptedPayload(String alg, String keyId, byte[] iv, byte[] ciphertext) {

  public static final String A256GCM = "A256GCM";

  public EncryptedPayload {
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(iv, "iv");
    Objects.requireNonNull(ciphertext, "ciphertext");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptedPayload that
        && alg.equals(that.alg)
        && keyId.equals(that.keyId)
        && Arrays.equals(iv, that.iv)
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alg, keyId, Arrays.hashCode(iv), Arrays.hashCode(ciphertext));
  }

  @Override
  public String toString() {
    // Never print ciphertext into logs: it is large and of no use to a reader.
    return "EncryptedPayload[alg="
        + alg
        + ", keyId="
        + keyId
        + ", bytes="
        + ciphertext.length
        + "]";
  }
}
