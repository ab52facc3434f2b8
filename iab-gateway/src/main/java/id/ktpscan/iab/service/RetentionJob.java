package id.ktpscan.iab.service;

import id.ktpscan.iab.config.IabConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Erases personal data on schedule: published outbox rows (the encrypted images), extracted results
 * past their retention, and old idempotency records.
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  /** What one pass removed. */
  public record Purged(int images, int results, int idempotencyRecords) {}

  private final EntityManager em;
  private final IabConfig.Retention retention;
  private final Clock clock;

  public RetentionJob(EntityManager em, IabConfig config, Clock clock) {
    this.em = em;
    this.retention = config.retention();
    this.clock = clock;
  }

  @Scheduled(
      every = "${ktp.iab.retention.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    purge();
  }

  /** One retention pass; scheduled, and callable by operators' tooling and tests. */
  @Transactional
  public Purged purge() {
    Instant now = clock.instant();
    int images =
        em.createNativeQuery("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1")
            .setParameter(1, now.minus(retention.images()))
            .executeUpdate();
    int results =
        em.createNativeQuery(
                "UPDATE submission SET result_enc = NULL, result_purged_at = ?2"
                    + " WHERE result_enc IS NOT NULL AND processed_at < ?1")
            .setParameter(1, now.minus(retention.results()))
            .setParameter(2, now)
            .executeUpdate();
    int keys =
        em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
            .setParameter(1, now.minus(retention.idempotencyKeys()))
            .executeUpdate();
    if (images + results + keys > 0) {
      LOG.infof(
          "retention purged %d published images, %d results, %d idempotency records",
          images, results, keys);
    }
    return new Purged(images, results, keys);
  }
}
