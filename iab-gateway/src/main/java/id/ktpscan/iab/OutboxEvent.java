package id.ktpscan.iab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting to be (or already) published to Kafka by the outbox relay. */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "aggregate_id", nullable = false)
  public UUID aggregateId;

  @Column(nullable = false)
  public String topic;

  @Column(name = "message_key", nullable = false)
  public String messageKey;

  /** The serialized event; null once retention purged it. */
  @Column(name = "payload")
  public byte[] payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "last_error")
  public String lastError;

  @Override
  public String toString() {
    return "OutboxEvent[id=" + id + ", topic=" + topic + ", sentAt=" + sentAt + "]";
  }
}
