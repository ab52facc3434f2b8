package id.ktpscan.iab.config;

import id.ktpscan.contracts.crypto.PayloadCipher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two key rings of iab-gateway: the event ring shared with ocr-worker (images and results in
 * Kafka) and this service's own at-rest ring (results and partner user ids in PostgreSQL).
 */
@ApplicationScoped
public class Ciphers {

  private final PayloadCipher events;
  private final PayloadCipher data;

  public Ciphers(@ConfigProperty(name = "ktp.event-keys") String eventKeys, IabConfig config) {
    this.events = PayloadCipher.fromKeyRing(eventKeys);
    this.data = PayloadCipher.fromKeyRing(config.dataKeys());
  }

  /** Encrypts images for ocr-worker and decrypts its results. */
  public PayloadCipher events() {
    return events;
  }

  /** Encrypts personal data stored in this service's database. */
  public PayloadCipher data() {
    return data;
  }
}
