package id.ktpscan.contracts.kafka;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retries the handling of one consumed record a few times with doubling waits before letting the
 * failure through: a database hiccup should not fail a Kafka channel at once, and a failure that
 * persists should (the service turns unhealthy, restarts, and re-reads from its committed offset).
 */
public final class ConsumerRetry {

  private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

  private ConsumerRetry() {}

  /**
   * Runs {@code work} up to {@code attempts} times, waiting {@code firstWait}, then twice as long,
   * between tries.
   *
   * @param what names the record in the log (an id, never personal data)
   */
  public static <T> T call(String what, int attempts, Duration firstWait, Supplier<T> work)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt >= attempts) {
          throw e;
        }
        LOG.warnf(
            "handling %s failed (%s), attempt %d of %d",
            what, e.getClass().getSimpleName(), attempt, attempts);
        Thread.sleep(firstWait.toMillis() << (attempt - 1));
      }
    }
  }
}
