package id.ktpscan.iab.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The first answer to each (flow, Idempotency-Key), for replays. Plain JDBC (upload path). */
@ApplicationScoped
public class IdempotencyRepository {

  /** A stored answer and the hash of the request that produced it. */
  public record StoredResponse(String requestHash, int status, String body) {}

  private final Jdbc jdbc;

  public IdempotencyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredResponse> find(UUID flowId, String key) {
    return jdbc.first(
        "SELECT request_hash, response_status, response_body FROM idempotency_record"
            + " WHERE flow_id = ? AND idempotency_key = ?",
        statement -> {
          statement.setObject(1, flowId);
          statement.setString(2, key);
        },
        rows -> new StoredResponse(rows.getString(1), rows.getInt(2), rows.getString(3)));
  }

  public void save(UUID flowId, String key, StoredResponse response, Instant now) {
    jdbc.update(
        "INSERT INTO idempotency_record"
            + " (flow_id, idempotency_key, request_hash, response_status, response_body,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
        statement -> {
          statement.setObject(1, flowId);
          statement.setString(2, key);
          statement.setString(3, response.requestHash());
          statement.setInt(4, response.status());
          statement.setString(5, response.body());
          statement.setObject(6, Jdbc.timestamp(now));
        });
  }
}
