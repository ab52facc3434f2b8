package id.ktpscan.token;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token signing key: the public half is published, the private half stored encrypted. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

  @Id public String kid;

  @Column(nullable = false)
  public String alg;

  @Column(name = "public_jwk", nullable = false)
  public String publicJwk;

  /** An {@code EncryptedPayload} as JSON, encrypted under the key-encryption key with the kid. */
  @Column(name = "private_jwk_enc", nullable = false)
  public String privateJwkEncrypted;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When the key stopped signing; null for the active key. */
  @Column(name = "retired_at")
  public Instant retiredAt;

  /** Until when the public key stays in the JWKS after retirement. */
  @Column(name = "publish_until")
  public Instant publishUntil;

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", retiredAt=" + retiredAt + "]";
  }
}
