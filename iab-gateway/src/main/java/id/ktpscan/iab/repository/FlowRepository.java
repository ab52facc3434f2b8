package id.ktpscan.iab.repository;

import id.ktpscan.iab.Flow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes flows. */
@ApplicationScoped
public class FlowRepository implements PanacheRepositoryBase<Flow, UUID> {

  public Optional<Flow> findByCorrelation(String partnerId, String correlationId) {
    return find("partnerId = ?1 and correlationId = ?2", partnerId, correlationId)
        .firstResultOptional();
  }

  /** The flow, locked until the transaction ends, so submissions of one flow never interleave. */
  public Optional<Flow> lockForSubmission(UUID flowId, String partnerId) {
    return find("id = ?1 and partnerId = ?2", flowId, partnerId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }
}
