package id.ktpscan.callback.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The log of attempts of each delivery. */
@ApplicationScoped
public class AttemptRepository {

  /** One logged attempt. */
  public record Attempt(
      int attempt,
      Instant startedAt,
      String outcome,
      Integer statusCode,
      int latencyMs,
      String error,
      Instant nextAttemptAt) {}

  private final EntityManager em;

  public AttemptRepository(EntityManager em) {
    this.em = em;
  }

  public void append(
      UUID eventId,
      Instant startedAt,
      String outcome,
      Integer statusCode,
      long latencyMs,
      String error,
      Instant nextAttemptAt) {
    em.createNativeQuery(
            "INSERT INTO delivery_attempt (event_id, attempt, started_at, outcome, status_code,"
                + " latency_ms, error, next_attempt_at) VALUES (?1,"
                + " (SELECT count(*) + 1 FROM delivery_attempt WHERE event_id = ?1), ?2, ?3, ?4, ?5,"
                + " ?6, ?7)")
        .setParameter(1, eventId)
        .setParameter(2, startedAt)
        .setParameter(3, outcome)
        .setParameter(4, statusCode)
        .setParameter(5, (int) Math.min(Integer.MAX_VALUE, latencyMs))
        .setParameter(6, error)
        .setParameter(7, nextAttemptAt)
        .executeUpdate();
  }

  public List<Attempt> list(UUID eventId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT attempt, started_at, outcome, status_code, latency_ms, error,"
                    + " next_attempt_at FROM delivery_attempt WHERE event_id = ?1 ORDER BY attempt")
            .setParameter(1, eventId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Attempt(
                    ((Number) r[0]).intValue(),
                    toInstant(r[1]),
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue(),
                    (String) r[5],
                    toInstant(r[6])))
        .toList();
  }

  private static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
