package id.ktpscan.token.rest;

import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.api.UserTokenRequest;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.token.Partner;
import id.ktpscan.token.service.PartnerService;
import id.ktpscan.token.service.TokenIssuer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/** Mints user tokens for iab-gateway; not reachable with partner or user tokens. */
@Path("/internal/v1/user-tokens")
@Produces(MediaType.APPLICATION_JSON)
@ServiceAuthenticated
public class UserTokenResource {

  /** The correlation-id alphabet the whole suite accepts. */
  static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private final PartnerService partners;
  private final TokenIssuer issuer;

  public UserTokenResource(PartnerService partners, TokenIssuer issuer) {
    this.partners = partners;
    this.issuer = issuer;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response mint(UserTokenRequest request) {
    if (request == null) {
      throw Requests.invalid("partnerId", "is required");
    }
    String partnerId = Requests.requireText(request.partnerId(), "partnerId", 32);
    String flowId = Requests.requireText(request.flowId(), "flowId", 36);
    try {
      UUID.fromString(flowId);
    } catch (IllegalArgumentException e) {
      throw Requests.invalid("flowId", "must be a UUID");
    }
    String correlationId = Requests.requireText(request.correlationId(), "correlationId", 128);
    if (!CORRELATION_ID.matcher(correlationId).matches()) {
      throw Requests.invalid("correlationId", "may only hold letters, digits and . _ : -");
    }
    if (request.ttlSeconds() != null && request.ttlSeconds() < 1) {
      throw Requests.invalid("ttlSeconds", "must be positive");
    }
    Partner partner = partners.find(partnerId).orElseThrow(PartnerService::notFound);
    if (!partner.isActive()) {
      throw new ProblemException(
          409, "CLIENT_DISABLED", "Client disabled", "This partner has been disabled.");
    }
    Duration ttl = request.ttlSeconds() == null ? null : Duration.ofSeconds(request.ttlSeconds());
    TokenResponse token = issuer.issueUserToken(partner.id, flowId, correlationId, ttl);
    return Response.status(Response.Status.CREATED)
        .entity(token)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
