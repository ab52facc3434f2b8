package id.ktpscan.contracts.quarkus;

import id.ktpscan.contracts.problem.Problem;
import id.ktpscan.contracts.problem.ProblemException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.Map;

/**
 * Fixed-window request limits kept in Redis, so every replica counts together; a service creates
 * one over its {@link RedisDataSource}. Redis being unreachable fails closed with 503.
 */
public class RedisRateLimiter {

  private static final String SCRIPT =
      """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      if count > tonumber(ARGV[1]) then
        return {0, redis.call('PTTL', KEYS[1])}
      end
      return {1, 0}
      """;

  private final RedisDataSource redis;
  private final String prefix;

  /**
   * @param prefix namespaces this service's keys, e.g. {@code iab:rl:}
   */
  public RedisRateLimiter(RedisDataSource redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /**
   * Counts one request under {@code key}.
   *
   * @throws ProblemException 429 {@code RATE_LIMITED} with {@code Retry-After} when over the limit,
   *     503 {@code DEPENDENCY_UNAVAILABLE} when Redis cannot be asked
   */
  public void hit(String key, int limit, Duration window) {
    Response result;
    try {
      result =
          redis.execute(
              "EVAL",
              SCRIPT,
              "1",
              prefix + key,
              Integer.toString(limit),
              Long.toString(window.toMillis()));
    } catch (RuntimeException e) {
      throw new ProblemException(
          503,
          "DEPENDENCY_UNAVAILABLE",
          "Service unavailable",
          "The service cannot check request limits right now; try again shortly.");
    }
    if (result.get(0).toInteger() == 0) {
      long retryAfterSeconds = Math.max(1, (result.get(1).toLong() + 999) / 1000);
      throw new ProblemException(
          Problem.of(
              429,
              "RATE_LIMITED",
              "Too many requests",
              "Too many requests; retry after the indicated delay."),
          Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
  }
}
