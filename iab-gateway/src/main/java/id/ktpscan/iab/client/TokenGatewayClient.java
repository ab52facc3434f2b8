package id.ktpscan.iab.client;

import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.api.UserTokenRequest;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.iab.config.IabConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Mints user tokens at token-gateway and turns its failures into problems of this API. */
@ApplicationScoped
public class TokenGatewayClient {

  private static final Logger LOG = Logger.getLogger(TokenGatewayClient.class);

  private final TokenGatewayApi api;
  private final String authorization;

  public TokenGatewayClient(@RestClient TokenGatewayApi api, IabConfig config) {
    this.api = api;
    this.authorization = "Bearer " + config.tokens().serviceKey();
  }

  public TokenResponse mintUserToken(String partnerId, String flowId, String correlationId) {
    try {
      return api.mintUserToken(
          authorization, new UserTokenRequest(partnerId, flowId, correlationId, null));
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 404 || status == 409) {
        throw new ProblemException(
            403, "PARTNER_DISABLED", "Forbidden", "This partner may not start flows.");
      }
      LOG.errorf("token-gateway refused to mint a user token: HTTP %d", status);
      throw unavailable();
    } catch (RuntimeException e) {
      LOG.warnf("token-gateway unreachable: %s", e.getClass().getName());
      throw unavailable();
    }
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        503,
        "TOKEN_SERVICE_UNAVAILABLE",
        "Service unavailable",
        "User tokens cannot be issued right now; retry the same request.");
  }
}
