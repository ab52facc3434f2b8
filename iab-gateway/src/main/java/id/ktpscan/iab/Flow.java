package id.ktpscan.iab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A scan flow: one partner user and correlation id, and a budget of photo attempts. */
@Entity
@Table(name = "flow")
public class Flow extends PanacheEntityBase {

  /** Where the flow stands. */
  public enum Status {
    /** Waiting for a photo, or for its result. */
    OPEN,
    /** A card was read. */
    COMPLETED,
    /** Every attempt was used without a readable card. */
    EXHAUSTED,
    /** An internal error ended the flow. */
    FAILED
  }

  @Id public UUID id;

  @Column(name = "partner_id", nullable = false)
  public String partnerId;

  @Column(name = "correlation_id", nullable = false)
  public String correlationId;

  @Column(name = "partner_user_enc", nullable = false)
  public String partnerUserEncrypted;

  @Column(name = "partner_user_id_type", nullable = false)
  public String partnerUserIdType;

  @Column(name = "flow_type", nullable = false)
  public String flowType;

  @Column(name = "max_attempts", nullable = false)
  public int maxAttempts;

  @Column(name = "attempts_used", nullable = false)
  public int attemptsUsed;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public int attemptsLeft() {
    return Math.max(0, maxAttempts - attemptsUsed);
  }

  @Override
  public String toString() {
    return "Flow[id=" + id + ", status=" + status + "]";
  }
}
