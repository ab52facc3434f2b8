package id.ktpscan.iab.config;

import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.quarkus.RedisRateLimiter;
import id.ktpscan.iab.imaging.ImageInspector;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Plain objects as beans: clock, token verifier, rate limiter, image inspector. */
public class BeanProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  TokenVerifier tokenVerifier(IabConfig config, RedisDataSource redis, Clock clock) {
    return config.tokens().verifier(redis, clock);
  }

  @Produces
  @Singleton
  RedisRateLimiter rateLimiter(RedisDataSource redis) {
    return new RedisRateLimiter(redis, "iab:rl:");
  }

  @Produces
  @Singleton
  ImageInspector imageInspector(IabConfig config) {
    IabConfig.Images images = config.images();
    return new ImageInspector(
        images.maxBytes(),
        images.maxPixels(),
        images.maxDimension(),
        images.minShortSide(),
        images.minLongSide());
  }
}
