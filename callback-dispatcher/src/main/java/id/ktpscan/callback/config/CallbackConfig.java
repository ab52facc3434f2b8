package id.ktpscan.callback.config;

import id.ktpscan.contracts.quarkus.auth.VerifierSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Typed configuration of callback-dispatcher ({@code ktp.callback.*}, or {@code KTP_CALLBACK_*}).
 */
@ConfigMapping(prefix = "ktp.callback")
public interface CallbackConfig {

  /** How partner tokens are verified. */
  VerifierSettings tokens();

  /** At-rest key ring ({@code id:base64key,…}) for the signing secrets. */
  String dataKeys();

  Delivery delivery();

  Targets targets();

  /** How long a replaced signing secret keeps signing beside the new one. */
  @WithDefault("PT24H")
  Duration secretGracePeriod();

  /** How deliveries are made and retried. */
  interface Delivery {
    @WithDefault("PT3S")
    Duration connectTimeout();

    /** Time allowed for the whole answer after connecting. */
    @WithDefault("PT5S")
    Duration readTimeout();

    /**
     * Waits before each retry; after the last one the delivery is parked. The default spreads 11
     * retries over about 24 hours.
     */
    @WithDefault("PT10S,PT30S,PT1M,PT5M,PT15M,PT30M,PT1H,PT2H,PT4H,PT8H,PT8H")
    List<Duration> retrySchedule();

    /** Each wait is varied by up to this fraction, so retries of many events do not align. */
    @WithDefault("0.2")
    double jitter();

    @WithDefault("64")
    int maxInFlight();

    /** A slow or dead partner endpoint occupies at most this many of the in-flight slots. */
    @WithDefault("8")
    int maxInFlightPerPartner();

    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** How long an attempt may hold its delivery before another process may take it over. */
    @WithDefault("PT30S")
    Duration lease();
  }

  /** Which webhook URLs are accepted. */
  interface Targets {
    /** Production requires https. */
    @WithDefault("true")
    boolean requireHttps();

    /** Loopback targets, for local development and tests only. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Private, link-local, unique-local and metadata targets; off in production. */
    @WithDefault("false")
    boolean allowPrivate();
  }
}
