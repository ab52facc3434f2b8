package id.ktpscan.iab.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends events to the outbox in the caller's transaction. Plain JDBC rather than an entity: the
 * payload is an image-sized byte array that the ORM would otherwise snapshot and compare at flush.
 */
@ApplicationScoped
public class OutboxRepository {

  private final Jdbc jdbc;

  public OutboxRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends an event and returns the row id. */
  public long append(UUID aggregateId, String topic, String key, byte[] payload, Instant now) {
    return jdbc.first(
            "INSERT INTO outbox (aggregate_id, topic, message_key, payload, created_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id",
            statement -> {
              statement.setObject(1, aggregateId);
              statement.setString(2, topic);
              statement.setString(3, key);
              statement.setBytes(4, payload);
              statement.setObject(5, Jdbc.timestamp(now));
            },
            rows -> rows.getLong(1))
        .orElseThrow();
  }
}
