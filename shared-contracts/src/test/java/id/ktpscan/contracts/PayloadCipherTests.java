package id.ktpscan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.crypto.PayloadDecryptionException;
import id.ktpscan.contracts.events.EncryptedPayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AES-GCM payloads: confidentiality, binding to the submission, and key rotation. */
class PayloadCipherTests {

  private final UUID submission = UUID.randomUUID();
  private final byte[] image = "synthetic image bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void roundTripsAndHidesThePlaintext() {
    PayloadCipher cipher = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k1"));
    EncryptedPayload payload = cipher.encrypt(image, PayloadCipher.aadFor(submission));
    assertThat(payload.keyId()).isEqualTo("k1");
    assertThat(new String(payload.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("synthetic");
    assertThat(cipher.decrypt(payload, PayloadCipher.aadFor(submission))).isEqualTo(image);
  }

  @Test
  void samePlaintextNeverGivesTheSameCiphertext() {
    PayloadCipher cipher = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k1"));
    byte[] aad = PayloadCipher.aadFor(submission);
    assertThat(cipher.encrypt(image, aad).ciphertext())
        .isNotEqualTo(cipher.encrypt(image, aad).ciphertext());
  }

  @Test
  void payloadMovedToAnotherSubmissionFails() {
    PayloadCipher cipher = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k1"));
    EncryptedPayload payload = cipher.encrypt(image, PayloadCipher.aadFor(submission));
    assertThatThrownBy(() -> cipher.decrypt(payload, PayloadCipher.aadFor(UUID.randomUUID())))
        .isInstanceOf(PayloadDecryptionException.class);
  }

  @Test
  void tamperedCiphertextFails() {
    PayloadCipher cipher = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k1"));
    EncryptedPayload payload = cipher.encrypt(image, PayloadCipher.aadFor(submission));
    byte[] raw = payload.ciphertext().clone();
    raw[0] ^= 1;
    EncryptedPayload tampered =
        new EncryptedPayload(payload.alg(), payload.keyId(), payload.iv(), raw);
    assertThatThrownBy(() -> cipher.decrypt(tampered, PayloadCipher.aadFor(submission)))
        .isInstanceOf(PayloadDecryptionException.class);
  }

  @Test
  void rotatedRingStillReadsOldPayloadsAndWritesWithTheNewKey() {
    String oldKey = PayloadCipher.generateKeyRingEntry("k1");
    EncryptedPayload old =
        PayloadCipher.fromKeyRing(oldKey).encrypt(image, PayloadCipher.aadFor(submission));
    PayloadCipher rotated =
        PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k2") + "," + oldKey);
    assertThat(rotated.activeKeyId()).isEqualTo("k2");
    assertThat(rotated.decrypt(old, PayloadCipher.aadFor(submission))).isEqualTo(image);
    assertThat(rotated.encrypt(image, PayloadCipher.aadFor(submission)).keyId()).isEqualTo("k2");
  }

  @Test
  void unknownKeyIdFails() {
    EncryptedPayload payload =
        PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k1"))
            .encrypt(image, PayloadCipher.aadFor(submission));
    PayloadCipher other = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("k9"));
    assertThatThrownBy(() -> other.decrypt(payload, PayloadCipher.aadFor(submission)))
        .isInstanceOf(PayloadDecryptionException.class)
        .hasMessageContaining("unknown payload key id");
  }

  @Test
  void badKeyRingsAreRejectedWithoutPrintingKeys() {
    assertThatThrownBy(() -> PayloadCipher.fromKeyRing("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> PayloadCipher.fromKeyRing("k1:c2hvcnQ="))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> PayloadCipher.fromKeyRing("k1:not base64!!"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> PayloadCipher.fromKeyRing("nocolon"))
        .hasMessageContaining("id:base64key");
    String entry = PayloadCipher.generateKeyRingEntry("k1");
    assertThatThrownBy(() -> PayloadCipher.fromKeyRing(entry + "," + entry))
        .hasMessageContaining("twice")
        .message()
        .doesNotContain(entry.substring(3));
  }
}
