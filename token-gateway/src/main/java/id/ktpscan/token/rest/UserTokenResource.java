package id.ktpscan.token.rest;

import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.api.UserTokenRequest;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
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

/** Mints user tokens for iab-gateway; not reachable with partner or user tokens. */
@Path("/internal/v1/user-tokens")
@Produces(MediaType.APPLICATION_JSON)
@ServiceAuthenticated
public class UserTokenResource {

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
      throw RequestFields.invalid("partnerId", "is required");
    }
    String partnerId = RequestFields.requireText(request.partnerId(), "partnerId", 32);
    String flowId = RequestFields.requireText(request.flowId(), "flowId", 36);
    try {
      UUID.fromString(flowId);
    } catch (IllegalArgumentException e) {
      throw RequestFields.invalid("flowId", "must be a UUID");
    }
    String correlationId =
        RequestFields.requireMatch(
            request.correlationId(),
            "correlationId",
            RequestFields.CORRELATION_ID,
            "must be 1 to 128 letters, digits or . _ : -");
    if (request.ttlSeconds() != null && request.ttlSeconds() < 1) {
      throw RequestFields.invalid("ttlSeconds", "must be positive");
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
