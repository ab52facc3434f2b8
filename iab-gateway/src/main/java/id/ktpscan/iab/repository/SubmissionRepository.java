package id.ktpscan.iab.repository;

import id.ktpscan.iab.Submission;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes submissions. */
@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

  public Optional<Submission> findLatest(UUID flowId) {
    return find("flowId = ?1 order by attempt desc", flowId).firstResultOptional();
  }

  public List<Submission> listByFlow(UUID flowId) {
    return list("flowId = ?1 order by attempt", flowId);
  }
}
