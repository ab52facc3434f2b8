package id.ktpscan.token.service;

import id.ktpscan.contracts.problem.Problem;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.token.config.TokenConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Per-client limits on the token endpoint, kept in Redis so every replica counts together: a cap on
 * requests per window, and a lock-out after repeated failed authentications.
 */
@ApplicationScoped
public class RateLimiter {

  private static final String CHECK_SCRIPT =
      """
      local failures = tonumber(redis.call('GET', KEYS[2]) or '0')
      if failures >= tonumber(ARGV[3]) then
        return {0, redis.call('PTTL', KEYS[2])}
      end
      local attempts = redis.call('INCR', KEYS[1])
      if attempts == 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      if attempts > tonumber(ARGV[1]) then
        return {0, redis.call('PTTL', KEYS[1])}
      end
      return {1, 0}
      """;

  private static final String FAILURE_SCRIPT =
      """
      local failures = redis.call('INCR', KEYS[1])
      if failures == 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
      end
      return failures
      """;

  private final RedisDataSource redis;
  private final TokenConfig.RateLimit limits;

  public RateLimiter(RedisDataSource redis, TokenConfig config) {
    this.redis = redis;
    this.limits = config.rateLimit();
  }

  /**
   * Counts one token request of a client.
   *
   * @throws ProblemException 429 with {@code Retry-After} when over a limit, 503 when Redis cannot
   *     be reached (the endpoint fails closed rather than lose its brute-force protection)
   */
  public void checkAttempt(String clientId) {
    Response result =
        call(
            "EVAL",
            CHECK_SCRIPT,
            "2",
            attemptsKey(clientId),
            failuresKey(clientId),
            Integer.toString(limits.attempts()),
            Long.toString(limits.attemptWindow().toMillis()),
            Integer.toString(limits.failures()));
    if (result.get(0).toInteger() == 0) {
      long retryAfterSeconds = Math.max(1, (result.get(1).toLong() + 999) / 1000);
      throw new ProblemException(
          Problem.of(
              429,
              "RATE_LIMITED",
              "Too many requests",
              "Too many token requests for this client; retry after the indicated delay."),
          Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
  }

  /** Counts a failed authentication of a client. */
  public void recordFailure(String clientId) {
    call(
        "EVAL",
        FAILURE_SCRIPT,
        "1",
        failuresKey(clientId),
        Long.toString(limits.failureWindow().toMillis()));
  }

  private Response call(String command, String... args) {
    try {
      return redis.execute(command, args);
    } catch (RuntimeException e) {
      throw new ProblemException(
          503,
          "DEPENDENCY_UNAVAILABLE",
          "Service unavailable",
          "Token issuance is unavailable right now; try again shortly.");
    }
  }

  private static String attemptsKey(String clientId) {
    return "tg:rl:attempts:" + clientId;
  }

  private static String failuresKey(String clientId) {
    return "tg:rl:failures:" + clientId;
  }
}
