package id.ktpscan.callback.config;

import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.crypto.PayloadCipher;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Plain objects as beans: the clock, the token verifier, the at-rest cipher. */
public class BeanProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Partner tokens are verified like everywhere else, revocations included (hence Redis). */
  @Produces
  @Singleton
  TokenVerifier tokenVerifier(CallbackConfig config, RedisDataSource redis, Clock clock) {
    return config.tokens().verifier(redis, clock);
  }

  @Produces
  @Singleton
  PayloadCipher secretsCipher(CallbackConfig config) {
    return PayloadCipher.fromKeyRing(config.dataKeys());
  }
}
