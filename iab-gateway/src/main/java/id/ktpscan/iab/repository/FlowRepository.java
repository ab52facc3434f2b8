package id.ktpscan.iab.repository;

import id.ktpscan.iab.Flow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes flows. */
@ApplicationScoped
public class FlowRepository implements PanacheRepositoryBase<Flow, UUID> {

  public Optional<Flow> findByCorrelation(String partnerId, String correlationId) {
    return find("partnerId = ?1 and correlationId = ?2", partnerId, correlationId)
        .firstResultOptional();
  }
}
