package id.ktpscan.iab.config;

import id.ktpscan.contracts.quarkus.auth.VerifierSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of iab-gateway ({@code ktp.iab.*}, or {@code KTP_IAB_*} variables). */
@ConfigMapping(prefix = "ktp.iab")
public interface IabConfig {

  Tokens tokens();

  Flows flows();

  Images images();

  Limits limits();

  Outbox outbox();

  Retention retention();

  /** At-rest key ring ({@code id:base64key,…}) for results and partner user ids. */
  String dataKeys();

  /** How long the SDK should wait before polling the status again. */
  @WithDefault("1000")
  long pollAfterMs();

  /** How this service verifies tokens and asks token-gateway for user tokens. */
  interface Tokens extends VerifierSettings {
    /** This service's credential for minting user tokens (a Secret). */
    String serviceKey();
  }

  /** Flow rules. */
  interface Flows {
    @WithDefault("3")
    int defaultMaxAttempts();

    /** The largest maxAttempts a partner may ask for. */
    @WithDefault("5")
    int maxAttemptsLimit();
  }

  /** What an uploaded photo must satisfy before anything is stored. */
  interface Images {
    @WithDefault("8388608")
    int maxBytes();

    /** Width × height above this is refused from the header alone (decompression bombs). */
    @WithDefault("40000000")
    long maxPixels();

    @WithDefault("12000")
    int maxDimension();

    /** The shorter side must be at least this many pixels. */
    @WithDefault("300")
    int minShortSide();

    /** The longer side must be at least this many pixels. */
    @WithDefault("480")
    int minLongSide();
  }

  /** Request limits per partner and per user token (Redis, fixed windows). */
  interface Limits {
    @WithDefault("600")
    int partnerRequestsPerMinute();

    @WithDefault("120")
    int userRequestsPerMinute();
  }

  /** The outbox relay. */
  interface Outbox {
    @WithDefault("PT0.5S")
    Duration pollInterval();

    @WithDefault("32")
    int batchSize();

    /** Longest wait for Kafka to acknowledge a batch before it is retried later. */
    @WithDefault("PT10S")
    Duration sendTimeout();
  }

  /** How long personal data is kept. */
  interface Retention {
    /** Published outbox rows (which hold the encrypted image) are deleted after this. */
    @WithDefault("PT1H")
    Duration images();

    /** Extracted results are erased this long after processing. */
    @WithDefault("P30D")
    Duration results();

    @WithDefault("PT24H")
    Duration idempotencyKeys();

    @WithDefault("PT10M")
    Duration interval();
  }
}
