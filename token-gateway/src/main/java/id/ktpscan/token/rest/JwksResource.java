package id.ktpscan.token.rest;

import id.ktpscan.token.service.SigningKeyService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys that verify KTP Scan tokens. */
@Path("/.well-known/jwks.json")
public class JwksResource {

  private final SigningKeyService keys;

  public JwksResource(SigningKeyService keys) {
    this.keys = keys;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    // Verifiers re-fetch on an unknown kid, so a short cache is enough to absorb load.
    return Response.ok(keys.current().jwksJson())
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
        .build();
  }
}
