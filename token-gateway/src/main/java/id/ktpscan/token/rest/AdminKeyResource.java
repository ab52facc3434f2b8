package id.ktpscan.token.rest;

import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.token.service.RevocationService;
import id.ktpscan.token.service.SigningKeyService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Key rotation and revocation by token id, for operators. */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
public class AdminKeyResource {

  /** The key that signs from now on. */
  public record RotatedKey(String kid) {}

  /** Revocation by id, as operators find it in logs; {@code expiresAt} bounds the mark. */
  public record RevokeByIdRequest(String jti, Instant expiresAt) {}

  /** Outcome of a revocation. */
  public record RevocationView(String jti, boolean revoked) {}

  private final SigningKeyService keys;
  private final RevocationService revocations;
  private final TokenVerifier verifier;

  public AdminKeyResource(
      SigningKeyService keys, RevocationService revocations, TokenVerifier verifier) {
    this.keys = keys;
    this.revocations = revocations;
    this.verifier = verifier;
  }

  @POST
  @Path("/signing-keys/rotate")
  public RotatedKey rotate() {
    return new RotatedKey(keys.rotate());
  }

  @POST
  @Path("/tokens/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  public RevocationView revoke(RevokeByIdRequest request) {
    String jti = RequestFields.requireText(request == null ? null : request.jti(), "jti", 64);
    if (request.expiresAt() == null) {
      throw RequestFields.invalid("expiresAt", "is required");
    }
    if (request.expiresAt().isAfter(Instant.now().plus(java.time.Duration.ofDays(2)))) {
      throw new ProblemException(
          400, "INVALID_REQUEST", "Invalid request", "Field 'expiresAt' is too far in the future.");
    }
    boolean revoked = revocations.revoke(jti, request.expiresAt());
    verifier.forgetRevocationCheck(jti);
    return new RevocationView(jti, revoked);
  }
}
