package id.ktpscan.callback.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.ktpscan.callback.Delivery;
import id.ktpscan.callback.EventType;
import id.ktpscan.callback.repository.AttemptRepository;
import id.ktpscan.callback.repository.DeliveryRepository;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.contracts.quarkus.auth.AuthenticatedCaller;
import id.ktpscan.contracts.quarkus.auth.PartnerAuthenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The partner's delivery log and redelivery; only its own deliveries exist for it. */
@Path("/v1/webhooks/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@PartnerAuthenticated
public class DeliveryResource {

  /** A delivery in the log. */
  public record DeliveryView(
      UUID eventId,
      EventType type,
      String correlationId,
      String submissionId,
      Delivery.Status status,
      int attempts,
      Integer lastStatusCode,
      String lastError,
      Instant nextAttemptAt,
      Instant occurredAt,
      Instant createdAt,
      Instant deliveredAt,
      List<AttemptRepository.Attempt> log) {}

  private final DeliveryRepository deliveries;
  private final AttemptRepository attempts;
  private final AuthenticatedCaller caller;
  private final Clock clock;

  public DeliveryResource(
      DeliveryRepository deliveries,
      AttemptRepository attempts,
      AuthenticatedCaller caller,
      Clock clock) {
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.caller = caller;
    this.clock = clock;
  }

  @GET
  public List<DeliveryView> list(
      @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    Delivery.Status wanted = null;
    if (status != null) {
      try {
        wanted = Delivery.Status.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw RequestFields.invalid("status", "must be PENDING, DELIVERED or PARKED");
      }
    }
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > 500) {
      throw RequestFields.invalid("limit", "must be between 1 and 500");
    }
    return deliveries.listForPartner(caller.token().partnerId(), wanted, size).stream()
        .map(d -> view(d, null))
        .toList();
  }

  @GET
  @Path("/{eventId}")
  public DeliveryView get(@PathParam("eventId") String eventId) {
    Delivery delivery = own(eventId);
    return view(delivery, attempts.list(delivery.eventId));
  }

  /** Sends an event again, whatever its state; the retry schedule starts over. */
  @POST
  @Path("/{eventId}/redeliver")
  @Transactional
  public Response redeliver(@PathParam("eventId") String eventId) {
    Delivery delivery = own(eventId);
    Instant now = clock.instant();
    delivery.status = Delivery.Status.PENDING;
    delivery.attempts = 0;
    delivery.nextAttemptAt = now;
    delivery.leaseUntil = null;
    delivery.deliveredAt = null;
    delivery.updatedAt = now;
    return Response.accepted(view(delivery, null)).build();
  }

  private Delivery own(String eventId) {
    UUID id;
    try {
      id = UUID.fromString(eventId);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
    Delivery delivery = deliveries.findById(id);
    if (delivery == null || !delivery.partnerId.equals(caller.token().partnerId())) {
      // Another partner's event is answered like one that does not exist.
      throw notFound();
    }
    return delivery;
  }

  private static DeliveryView view(Delivery d, List<AttemptRepository.Attempt> log) {
    JsonNode body;
    try {
      body = KtpJson.mapper().readTree(d.body);
    } catch (IOException e) {
      throw new IllegalStateException("stored webhook body of " + d.eventId + " is unreadable", e);
    }
    return new DeliveryView(
        d.eventId,
        d.eventType,
        body.path("correlationId").asText(null),
        body.path("submissionId").asText(null),
        d.status,
        d.attempts,
        d.lastStatusCode,
        d.lastError,
        d.nextAttemptAt,
        d.occurredAt,
        d.createdAt,
        d.deliveredAt,
        log);
  }

  private static ProblemException notFound() {
    return new ProblemException(404, "DELIVERY_NOT_FOUND", "Not found", "No such delivery.");
  }
}
