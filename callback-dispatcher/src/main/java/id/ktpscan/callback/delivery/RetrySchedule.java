package id.ktpscan.callback.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** When to try a failed delivery again: a configured list of waits, each with some jitter. */
public final class RetrySchedule {

  private final List<Duration> waits;
  private final double jitter;
  private final RandomGenerator random;

  public RetrySchedule(List<Duration> waits, double jitter, RandomGenerator random) {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    this.waits = List.copyOf(waits);
    this.jitter = jitter;
    this.random = random;
  }

  /**
   * The wait after the given failed attempt.
   *
   * @param failedAttempt 1 for the first attempt
   * @return empty when the schedule is exhausted and the delivery should be parked
   */
  public Optional<Duration> after(int failedAttempt) {
    if (failedAttempt < 1 || failedAttempt > waits.size()) {
      return Optional.empty();
    }
    Duration base = waits.get(failedAttempt - 1);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor))));
  }

  /** How many retries follow the first attempt. */
  public int retries() {
    return waits.size();
  }
}
