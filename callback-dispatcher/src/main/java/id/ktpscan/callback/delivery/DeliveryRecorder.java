package id.ktpscan.callback.delivery;

import id.ktpscan.callback.Delivery;
import id.ktpscan.callback.WebhookEndpoint;
import id.ktpscan.callback.config.CallbackConfig;
import id.ktpscan.callback.repository.AttemptRepository;
import id.ktpscan.callback.repository.DeliveryRepository;
import id.ktpscan.callback.service.WebhookService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes down what an attempt did, in one transaction: the attempt in the log, and the delivery's
 * new state — delivered, due again after the next wait of the schedule, or parked.
 */
@ApplicationScoped
public class DeliveryRecorder {

  private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);

  /** What happened to one attempt. */
  public record Outcome(Integer statusCode, String error, Instant startedAt, long latencyMs) {
    boolean success() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
      return statusCode != null && statusCode == 410;
    }
  }

  private final DeliveryRepository deliveries;
  private final AttemptRepository attempts;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final Timer lag;
  private final Event<WebhookService.EndpointChanged> changes;

  public DeliveryRecorder(
      DeliveryRepository deliveries,
      AttemptRepository attempts,
      CallbackConfig config,
      Clock clock,
      MeterRegistry metrics,
      Event<WebhookService.EndpointChanged> changes) {
    this.changes = changes;
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.schedule =
        new RetrySchedule(
            config.delivery().retrySchedule(), config.delivery().jitter(), new SecureRandom());
    this.clock = clock;
    this.metrics = metrics;
    this.lag =
        Timer.builder("ktp.webhooks.lag")
            .description("From the result event to the partner's 2xx answer")
            .publishPercentiles(0.5, 0.99)
            .register(metrics);
  }

  @Transactional
  public void record(UUID eventId, Outcome outcome) {
    if (outcome.success()) {
      // The common case, in two statements and without loading the entity.
      Instant occurredAt = deliveries.markDelivered(eventId, outcome.statusCode(), clock.instant());
      if (occurredAt != null) {
        attempts.append(
            eventId,
            outcome.startedAt(),
            "DELIVERED",
            outcome.statusCode(),
            outcome.latencyMs(),
            null,
            null);
        lag.record(Duration.between(occurredAt, clock.instant()));
        metrics.counter("ktp.webhooks.attempts", "outcome", "DELIVERED").increment();
      }
      return;
    }
    Delivery delivery = deliveries.findById(eventId);
    if (delivery == null || delivery.status != Delivery.Status.PENDING) {
      return;
    }
    Instant now = clock.instant();
    delivery.attempts++;
    delivery.lastStatusCode = outcome.statusCode();
    delivery.lastError = outcome.error();
    delivery.leaseUntil = null;
    delivery.updatedAt = now;
    String recorded;
    if (outcome.success()) {
      delivery.status = Delivery.Status.DELIVERED;
      delivery.deliveredAt = now;
      delivery.nextAttemptAt = null;
      recorded = "DELIVERED";
      lag.record(Duration.between(delivery.occurredAt, now));
    } else if (outcome.gone()) {
      park(delivery, "endpoint answered 410 Gone");
      WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.partnerId);
      if (endpoint != null && endpoint.status == WebhookEndpoint.Status.ACTIVE) {
        endpoint.status = WebhookEndpoint.Status.DISABLED;
        endpoint.disabledReason = "answered 410 Gone";
        endpoint.updatedAt = now;
        changes.fire(new WebhookService.EndpointChanged(delivery.partnerId));
        LOG.warnf("disabled the webhook endpoint of partner %s: 410 Gone", delivery.partnerId);
      }
      recorded = "GONE";
    } else {
      Optional<Duration> wait = schedule.after(delivery.attempts);
      if (wait.isPresent()) {
        delivery.nextAttemptAt = now.plus(wait.get());
        recorded = "RETRY";
      } else {
        park(delivery, "retry schedule exhausted");
        recorded = "PARKED";
      }
    }
    attempts.append(
        eventId,
        outcome.startedAt(),
        recorded,
        outcome.statusCode(),
        outcome.latencyMs(),
        outcome.error(),
        delivery.nextAttemptAt);
    metrics.counter("ktp.webhooks.attempts", "outcome", recorded).increment();
  }

  /** Parks a delivery that cannot be attempted (no endpoint, endpoint disabled). */
  @Transactional
  public void parkUnattempted(UUID eventId, String reason) {
    Delivery delivery = deliveries.findById(eventId);
    if (delivery != null && delivery.status == Delivery.Status.PENDING) {
      delivery.leaseUntil = null;
      delivery.updatedAt = clock.instant();
      delivery.lastError = reason;
      park(delivery, reason);
      metrics.counter("ktp.webhooks.attempts", "outcome", "PARKED").increment();
    }
  }

  private static void park(Delivery delivery, String reason) {
    delivery.status = Delivery.Status.PARKED;
    delivery.nextAttemptAt = null;
    delivery.lastError = reason;
  }
}
