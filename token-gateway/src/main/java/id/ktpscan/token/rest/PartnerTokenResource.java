package id.ktpscan.token.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.token.service.PartnerService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client-credentials exchange: a partner's backend trades its client id and passkey for a
 * partner token, as an OAuth2 form (with the secret in the form or in HTTP Basic) or as JSON.
 */
@Path("/v1/partner/token")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerTokenResource {

  static final int MAX_CLIENT_ID = 64;
  static final int MAX_PASSKEY = 256;

  /** The JSON form of the request; {@code client_secret} is accepted for {@code passkey}. */
  public record PartnerTokenRequest(
      @JsonProperty("client_id") String clientId,
      @JsonProperty("passkey") String passkey,
      @JsonProperty("client_secret") String clientSecret) {
    @Override
    public String toString() {
      return "PartnerTokenRequest[clientId=" + clientId + "]";
    }
  }

  private final PartnerService partners;

  public PartnerTokenResource(PartnerService partners) {
    this.partners = partners;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response form(
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret,
      @FormParam("passkey") String passkey,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    if (grantType == null || grantType.isBlank()) {
      throw RequestFields.invalid("grant_type", "is required");
    }
    if (!"client_credentials".equals(grantType)) {
      throw new ProblemException(
          400,
          "UNSUPPORTED_GRANT_TYPE",
          "Unsupported grant type",
          "Only grant_type=client_credentials is supported.");
    }
    String secret = clientSecret != null ? clientSecret : passkey;
    if (clientId == null && secret == null && authorization != null) {
      String[] basic = basicCredentials(authorization);
      clientId = basic[0];
      secret = basic[1];
    }
    return exchange(clientId, secret, "client_secret");
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response json(PartnerTokenRequest request) {
    if (request == null) {
      throw RequestFields.invalid("client_id", "is required");
    }
    String secret = request.passkey() != null ? request.passkey() : request.clientSecret();
    return exchange(request.clientId(), secret, "passkey");
  }

  private Response exchange(String clientId, String secret, String secretField) {
    String id = RequestFields.requireText(clientId, "client_id", MAX_CLIENT_ID);
    if (secret == null || secret.isEmpty()) {
      throw RequestFields.invalid(secretField, "is required");
    }
    if (secret.length() > MAX_PASSKEY) {
      // Not a passkey we could have issued; answer like any other wrong credential.
      throw PartnerService.invalidClient();
    }
    TokenResponse token = partners.exchange(id, secret);
    return Response.ok(token)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  private static String[] basicCredentials(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw RequestFields.invalid("client_id", "is required");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw PartnerService.invalidClient();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw PartnerService.invalidClient();
    }
    try {
      return new String[] {
        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      throw PartnerService.invalidClient();
    }
  }
}
