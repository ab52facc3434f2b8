package id.ktpscan.iab.client;

import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.api.UserTokenRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** token-gateway's service-to-service API. */
@RegisterRestClient(configKey = "token-gateway")
@Path("/internal/v1/user-tokens")
public interface TokenGatewayApi {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  TokenResponse mintUserToken(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, UserTokenRequest request);
}
