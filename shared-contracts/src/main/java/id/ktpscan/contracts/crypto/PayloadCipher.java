package id.ktpscan.contracts.crypto;

import id.ktpscan.contracts.events.EncryptedPayload;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the personal data that travels in events, with a key ring so keys can rotate.
 *
 * <p>The key ring is written {@code id:base64key[,id:base64key…]}; the first key encrypts, all of
 * them decrypt. Keys come from a Kubernetes Secret or the environment, never from a config file.
 */
public final class PayloadCipher {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String activeKeyId;
  private final Map<String, SecretKey> keys;

  private PayloadCipher(String activeKeyId, Map<String, SecretKey> keys) {
    this.activeKeyId = activeKeyId;
    this.keys = Map.copyOf(keys);
  }

  /**
   * Parses a key ring.
   *
   * @throws IllegalArgumentException when the ring is empty, an id repeats or a key is not 32 bytes
   *     of base64; the message never contains key material
   */
  public static PayloadCipher fromKeyRing(String keyRing) {
    if (keyRing == null || keyRing.isBlank()) {
      throw new IllegalArgumentException("event key ring is empty");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String active = null;
    for (String entry : keyRing.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon <= 0 || colon == trimmed.length() - 1) {
        throw new IllegalArgumentException("event key ring entry must be id:base64key");
      }
      String id = trimmed.substring(0, colon);
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("event key '" + id + "' is not base64");
      }
      if (raw.length != 32) {
        throw new IllegalArgumentException("event key '" + id + "' must be 32 bytes (AES-256)");
      }
      if (keys.put(id, new SecretKeySpec(raw, "AES")) != null) {
        throw new IllegalArgumentException("event key id '" + id + "' appears twice");
      }
      if (active == null) {
        active = id;
      }
    }
    return new PayloadCipher(active, keys);
  }

  /** A fresh random key ring entry, {@code id:base64key}, for local setups and tests. */
  public static String generateKeyRingEntry(String id) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return id + ":" + Base64.getEncoder().encodeToString(raw);
  }

  /** The associated data that binds a payload to its submission. */
  public static byte[] aadFor(UUID submissionId) {
    return submissionId.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The id of the key that encrypts. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** Encrypts with the active key and a fresh random nonce. */
  public EncryptedPayload encrypt(byte[] plaintext, byte[] aad) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad);
      return new EncryptedPayload(
          EncryptedPayload.A256GCM, activeKeyId, iv, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Decrypts with the key the payload names.
   *
   * @throws PayloadDecryptionException when the key is unknown, the payload was changed or the
   *     associated data does not match
   */
  public byte[] decrypt(EncryptedPayload payload, byte[] aad) {
    if (!EncryptedPayload.A256GCM.equals(payload.alg())) {
      throw new PayloadDecryptionException("unsupported payload algorithm");
    }
    SecretKey key = keys.get(payload.keyId());
    if (key == null) {
      throw new PayloadDecryptionException("unknown payload key id");
    }
    try {
      byte[] iv = payload.iv();
      if (iv.length != IV_BYTES) {
        throw new PayloadDecryptionException("payload nonce has the wrong length");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad);
      return cipher.doFinal(payload.ciphertext());
    } catch (GeneralSecurityException e) {
      throw new PayloadDecryptionException("payload does not authenticate");
    }
  }
}
