package id.ktpscan.contracts.events;

import java.util.Objects;

/**
 * An AES-256-GCM ciphertext carried inside an event.
 *
 * <p>The additional authenticated data is the id of the submission the payload belongs to, so a
 * payload copied into another event fails to decrypt.
 *
 * @param alg always {@code A256GCM}
 * @param keyId which key of the key ring encrypted it, so keys can rotate
 * @param iv the 12-byte nonce, base64
 * @param ciphertext ciphertext followed by the 16-byte tag, base64
 */
public record EncryptedPayload(String alg, String keyId, String iv, String ciphertext) {

  public static final String A256GCM = "A256GCM";

  public EncryptedPayload {
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(iv, "iv");
    Objects.requireNonNull(ciphertext, "ciphertext");
  }

  @Override
  public String toString() {
    // Never print ciphertext into logs: it is large and of no use to a reader.
    return "EncryptedPayload[alg=" + alg + ", keyId=" + keyId + "]";
  }
}
