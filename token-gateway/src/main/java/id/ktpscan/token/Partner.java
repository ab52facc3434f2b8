package id.ktpscan.token;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A partner of the installation: its credentials (hashed passkey) and whether it may get tokens.
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

  /** Whether a partner may obtain tokens. */
  public enum Status {
    ACTIVE,
    DISABLED
  }

  @Id public String id;

  @Column(nullable = false)
  public String name;

  @Column(name = "client_id", nullable = false, unique = true)
  public String clientId;

  @Column(name = "passkey_hash", nullable = false)
  public String passkeyHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "passkey_rotated_at", nullable = false)
  public Instant passkeyRotatedAt;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  @Override
  public String toString() {
    return "Partner[id=" + id + ", status=" + status + "]";
  }
}
