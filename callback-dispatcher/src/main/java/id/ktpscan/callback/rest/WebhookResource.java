package id.ktpscan.callback.rest;

import id.ktpscan.callback.EventType;
import id.ktpscan.callback.WebhookEndpoint;
import id.ktpscan.callback.service.WebhookService;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.contracts.quarkus.auth.AuthenticatedCaller;
import id.ktpscan.contracts.quarkus.auth.PartnerAuthenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A partner's webhook endpoint: register or replace it, read it, rotate its signing secret. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@PartnerAuthenticated
public class WebhookResource {

  /** The body of {@code PUT /v1/webhooks}. */
  public record RegisterRequest(String url, List<String> events) {}

  /** The endpoint as the partner sees it; {@code secret} only right after it was issued. */
  public record EndpointView(
      String url,
      Set<EventType> events,
      WebhookEndpoint.Status status,
      String disabledReason,
      String secret,
      Instant secretRotatedAt,
      Instant previousSecretValidUntil,
      Instant createdAt,
      Instant updatedAt) {
    static EndpointView of(WebhookEndpoint e, String secret) {
      return new EndpointView(
          e.url,
          e.eventTypes(),
          e.status,
          e.disabledReason,
          secret,
          e.secretRotatedAt,
          e.previousSecretUntil,
          e.createdAt,
          e.updatedAt);
    }

    @Override
    public String toString() {
      return "EndpointView[status=" + status + "]";
    }
  }

  private final WebhookService webhooks;
  private final AuthenticatedCaller caller;

  public WebhookResource(WebhookService webhooks, AuthenticatedCaller caller) {
    this.webhooks = webhooks;
    this.caller = caller;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(RegisterRequest request) {
    if (request == null) {
      throw RequestFields.invalid("url", "is required");
    }
    WebhookService.Issued issued =
        webhooks.register(caller.token().partnerId(), request.url(), request.events());
    return Response.ok(EndpointView.of(issued.endpoint(), issued.secret()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @GET
  public EndpointView get() {
    return webhooks
        .find(caller.token().partnerId())
        .map(e -> EndpointView.of(e, null))
        .orElseThrow(WebhookService::notRegistered);
  }

  @POST
  @Path("/secret/rotate")
  public Response rotate() {
    WebhookService.Issued issued = webhooks.rotate(caller.token().partnerId());
    return Response.ok(EndpointView.of(issued.endpoint(), issued.secret()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
