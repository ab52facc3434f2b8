package id.ktpscan.callback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A partner's webhook endpoint and its signing secrets (encrypted). */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

  /** Whether deliveries are made. */
  public enum Status {
    ACTIVE,
    DISABLED
  }

  @Id
  @Column(name = "partner_id")
  public String partnerId;

  @Column(nullable = false)
  public String url;

  /** Subscribed event types, comma separated. */
  @Column(nullable = false)
  public String events;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(name = "secret_enc", nullable = false)
  public String secretEncrypted;

  @Column(name = "previous_secret_enc")
  public String previousSecretEncrypted;

  @Column(name = "previous_secret_until")
  public Instant previousSecretUntil;

  @Column(name = "secret_rotated_at", nullable = false)
  public Instant secretRotatedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public Set<EventType> eventTypes() {
    return Arrays.stream(events.split(","))
        .filter(s -> !s.isBlank())
        .map(EventType::valueOf)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[partnerId=" + partnerId + ", status=" + status + "]";
  }
}
