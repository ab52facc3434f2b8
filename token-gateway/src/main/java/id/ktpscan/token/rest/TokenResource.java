package id.ktpscan.token.rest;

import id.ktpscan.contracts.auth.TokenRejectedException;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.auth.VerifiedToken;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.contracts.quarkus.auth.AuthenticatedCaller;
import id.ktpscan.contracts.quarkus.auth.PartnerAuthenticated;
import id.ktpscan.token.service.RevocationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;

/** What a partner can do with its tokens: see who it is, revoke one of its tokens. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  /** The verified identity behind a partner token. */
  public record WhoAmI(String partnerId, Set<String> scopes, String keyId, Instant expiresAt) {}

  /** A token to revoke: one of the caller's partner tokens or a user token of its flows. */
  public record RevokeRequest(String token) {
    @Override
    public String toString() {
      return "RevokeRequest[]";
    }
  }

  /** Outcome of a revocation. */
  public record RevocationView(String jti, boolean revoked) {}

  private final AuthenticatedCaller caller;
  private final TokenVerifier verifier;
  private final RevocationService revocations;

  public TokenResource(
      AuthenticatedCaller caller, TokenVerifier verifier, RevocationService revocations) {
    this.caller = caller;
    this.verifier = verifier;
    this.revocations = revocations;
  }

  /** Unauthenticated no-op: the reference point of the verification benchmark. */
  @GET
  @Path("/ping")
  public Pong ping() {
    return Pong.OK;
  }

  /** The cheapest authenticated call; partners use it to check a token. */
  @GET
  @Path("/partner/whoami")
  @PartnerAuthenticated
  public WhoAmI whoAmI() {
    VerifiedToken token = caller.token();
    return new WhoAmI(token.partnerId(), token.scopes(), token.keyId(), token.expiresAt());
  }

  @POST
  @Path("/tokens/revoke")
  @PartnerAuthenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public RevocationView revoke(RevokeRequest request) {
    if (request == null || request.token() == null || request.token().isBlank()) {
      throw RequestFields.invalid("token", "is required");
    }
    VerifiedToken target;
    try {
      target = verifier.inspect(request.token());
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejectedException.Reason.EXPIRED) {
        throw new ProblemException(
            400, "TOKEN_EXPIRED", "Token expired", "The token has expired; nothing to revoke.");
      }
      throw new ProblemException(
          400, "INVALID_TOKEN", "Invalid token", "The token is not one this installation issued.");
    }
    if (!caller.token().partnerId().equals(target.partnerId())) {
      // Another partner's token: answer as if it did not exist.
      throw new ProblemException(404, "TOKEN_NOT_FOUND", "Not found", "No such token.");
    }
    boolean revoked = revocations.revoke(target.jti(), target.expiresAt());
    verifier.forgetRevocationCheck(target.jti());
    return new RevocationView(target.jti(), revoked);
  }

  /** The body of {@code /v1/ping}. */
  public record Pong(String status) {
    static final Pong OK = new Pong("ok");
  }
}
