package id.ktpscan.iab.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.json.KtpJson;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encrypts personal data for storage: AES-GCM under the at-rest key ring, bound to the row it
 * belongs to, stored as the JSON of an {@link EncryptedPayload}.
 */
public final class PersonalData {

  private final PayloadCipher cipher;

  public PersonalData(PayloadCipher cipher) {
    this.cipher = cipher;
  }

  public String encrypt(byte[] plaintext, UUID owner) {
    try {
      return KtpJson.mapper()
          .writeValueAsString(cipher.encrypt(plaintext, PayloadCipher.aadFor(owner)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] decrypt(String stored, UUID owner) {
    try {
      EncryptedPayload payload = KtpJson.mapper().readValue(stored, EncryptedPayload.class);
      return cipher.decrypt(payload, PayloadCipher.aadFor(owner));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored personal data of " + owner + " is unreadable", e);
    }
  }

  public String encryptText(String plaintext, UUID owner) {
    return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), owner);
  }

  public String decryptText(String stored, UUID owner) {
    return new String(decrypt(stored, owner), StandardCharsets.UTF_8);
  }
}
