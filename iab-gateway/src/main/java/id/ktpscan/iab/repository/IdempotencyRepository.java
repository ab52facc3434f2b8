package id.ktpscan.iab.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The first answer to each (flow, Idempotency-Key), for replays. */
@ApplicationScoped
public class IdempotencyRepository {

  /** A stored answer and the hash of the request that produced it. */
  public record StoredResponse(String requestHash, int status, String body) {}

  private final EntityManager em;

  public IdempotencyRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<StoredResponse> find(UUID flowId, String key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT request_hash, response_status, response_body FROM idempotency_record"
                    + " WHERE flow_id = ?1 AND idempotency_key = ?2")
            .setParameter(1, flowId)
            .setParameter(2, key)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new StoredResponse((String) r[0], ((Number) r[1]).intValue(), (String) r[2]));
  }

  public void save(UUID flowId, String key, StoredResponse response, Instant now) {
    em.createNativeQuery(
            "INSERT INTO idempotency_record"
                + " (flow_id, idempotency_key, request_hash, response_status, response_body,"
                + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, flowId)
        .setParameter(2, key)
        .setParameter(3, response.requestHash())
        .setParameter(4, response.status())
        .setParameter(5, response.body())
        .setParameter(6, now)
        .executeUpdate();
  }
}
