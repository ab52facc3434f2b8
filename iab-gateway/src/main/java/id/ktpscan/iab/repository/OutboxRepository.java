package id.ktpscan.iab.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends events to the outbox in the caller's transaction. Plain SQL rather than an entity: the
 * payload is an image-sized byte array that the ORM would otherwise snapshot and compare at flush.
 */
@ApplicationScoped
public class OutboxRepository {

  private final EntityManager em;

  public OutboxRepository(EntityManager em) {
    this.em = em;
  }

  /** Appends an event and returns the row id. */
  public long append(UUID aggregateId, String topic, String key, byte[] payload, Instant now) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO outbox (aggregate_id, topic, message_key, payload, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id")
                .setParameter(1, aggregateId)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, payload)
                .setParameter(5, now)
                .getSingleResult())
        .longValue();
  }
}
