package id.ktpscan.callback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One webhook event for one partner and where its delivery stands. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

  /** Where a delivery stands. */
  public enum Status {
    /** Waiting for its next attempt (or in one). */
    PENDING,
    /** A 2xx answer was received. */
    DELIVERED,
    /** Given up: the schedule ran out, or the endpoint is gone or disabled. */
    PARKED
  }

  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "partner_id", nullable = false)
  public String partnerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false)
  public EventType eventType;

  /** The exact JSON that is signed and sent. */
  @Column(nullable = false)
  public String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "last_status_code")
  public Integer lastStatusCode;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Override
  public String toString() {
    return "Delivery[eventId=" + eventId + ", status=" + status + ", attempts=" + attempts + "]";
  }
}
