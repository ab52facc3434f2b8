package id.ktpscan.token.service;

import id.ktpscan.contracts.auth.RevocationList;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.token.config.TokenConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Marks tokens revoked in Redis for as long as they would have been valid. */
@ApplicationScoped
public class RevocationService {

  private static final Logger LOG = Logger.getLogger(RevocationService.class);

  private final ValueCommands<String, String> values;
  private final Duration clockSkew;
  private final Clock clock;

  public RevocationService(RedisDataSource redis, TokenConfig config, Clock clock) {
    this.values = redis.value(String.class);
    this.clockSkew = config.clockSkew();
    this.clock = clock;
  }

  /**
   * Revokes a token by id.
   *
   * @return false when the token has already expired and needs no mark
   */
  public boolean revoke(String jti, Instant expiresAt) {
    // Verifiers accept a token up to clockSkew past its expiry, so the mark must outlive it too.
    Duration remaining = Duration.between(clock.instant(), expiresAt.plus(clockSkew));
    if (remaining.isNegative() || remaining.isZero()) {
      return false;
    }
    try {
      values.set(RevocationList.redisKey(jti), "1", new SetArgs().px(remaining.toMillis()));
    } catch (RuntimeException e) {
      throw new ProblemException(
          503,
          "DEPENDENCY_UNAVAILABLE",
          "Service unavailable",
          "Revocation is unavailable right now.");
    }
    LOG.infof("revoked token jti=%s", jti);
    return true;
  }
}
