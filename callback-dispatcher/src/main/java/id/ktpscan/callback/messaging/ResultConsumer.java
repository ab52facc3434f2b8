package id.ktpscan.callback.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.callback.EventType;
import id.ktpscan.callback.WebhookEndpoint;
import id.ktpscan.callback.config.CallbackConfig;
import id.ktpscan.callback.delivery.DeliveryEngine;
import id.ktpscan.callback.repository.DeliveryRepository;
import id.ktpscan.contracts.SubmissionStatus;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.ConsumerRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns results ({@code ktp.results.v1}) into webhook deliveries, a polled batch at a time in one
 * transaction. The deliveries are recorded in PostgreSQL before the batch is acknowledged, so the
 * Kafka offset only moves past events that will be delivered; a redelivered record finds its event
 * id already recorded and is skipped.
 */
@ApplicationScoped
public class ResultConsumer {

  /** The webhook body: ids and a status, never personal data. */
  public record WebhookBody(
      UUID eventId,
      EventType type,
      String correlationId,
      UUID submissionId,
      SubmissionStatus status,
      Instant occurredAt) {}

  private final DeliveryRepository deliveries;
  private final DeliveryEngine engine;
  private final Duration lease;
  private final Clock clock;
  private final MeterRegistry metrics;

  public ResultConsumer(
      DeliveryRepository deliveries,
      DeliveryEngine engine,
      CallbackConfig config,
      Clock clock,
      MeterRegistry metrics) {
    this.deliveries = deliveries;
    this.engine = engine;
    this.lease = config.delivery().lease();
    this.clock = clock;
    this.metrics = metrics;
  }

  @Incoming("results")
  @Blocking
  public void onResults(List<SubmissionProcessed> batch) throws InterruptedException {
    List<SubmissionProcessed> events = new ArrayList<>(batch.size());
    for (SubmissionProcessed event : batch) {
      if (event == null) {
        // The deserializer could not read the record; the connector logged it.
        metrics.counter("ktp.webhooks.events", "outcome", "unreadable").increment();
      } else {
        events.add(event);
      }
    }
    if (events.isEmpty()) {
      return;
    }
    List<DeliveryRepository.Claim> claims =
        ConsumerRetry.call(
            "a batch of " + events.size() + " results",
            5,
            Duration.ofSeconds(1),
            () -> QuarkusTransaction.requiringNew().call(() -> record(events)));
    claims.forEach(engine::attemptNow);
  }

  private List<DeliveryRepository.Claim> record(List<SubmissionProcessed> events) {
    Map<String, WebhookEndpoint> endpoints = new HashMap<>();
    List<DeliveryRepository.Claim> claims = new ArrayList<>();
    for (SubmissionProcessed event : events) {
      WebhookEndpoint endpoint =
          endpoints.computeIfAbsent(event.partnerId(), id -> WebhookEndpoint.findById(id));
      DeliveryRepository.Claim claim = record(event, endpoint);
      if (claim != null) {
        claims.add(claim);
      }
    }
    return claims;
  }

  private DeliveryRepository.Claim record(SubmissionProcessed event, WebhookEndpoint endpoint) {
    EventType type = EventType.of(event.outcome());
    if (endpoint == null
        || endpoint.status != WebhookEndpoint.Status.ACTIVE
        || !endpoint.eventTypes().contains(type)) {
      metrics.counter("ktp.webhooks.events", "outcome", "no_subscription").increment();
      return null;
    }
    String body = body(event, type);
    Instant now = clock.instant();
    boolean inserted =
        deliveries.insertLeased(
            event.eventId(),
            event.partnerId(),
            type,
            body,
            event.processedAt(),
            now,
            now.plus(lease));
    metrics
        .counter("ktp.webhooks.events", "outcome", inserted ? "recorded" : "duplicate")
        .increment();
    return inserted
        ? new DeliveryRepository.Claim(event.eventId(), event.partnerId(), type, body, 0)
        : null;
  }

  private static String body(SubmissionProcessed event, EventType type) {
    try {
      return KtpJson.mapper()
          .writeValueAsString(
              new WebhookBody(
                  event.eventId(),
                  type,
                  event.correlationId(),
                  event.submissionId(),
                  event.outcome().toStatus(),
                  event.processedAt()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
