package id.ktpscan.contracts.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The claims of a token that passed every check.
 *
 * @param kind partner or user token
 * @param jti the token id, used for revocation
 * @param subject {@code sub}: the partner id for partner tokens, {@code flow:<id>} for user tokens
 * @param partnerId the partner the token acts for
 * @param flowId the flow of a user token; null for partner tokens
 * @param correlationId the flow's correlation id for user tokens; null for partner tokens
 * @param scopes the granted scopes
 * @param keyId the {@code kid} that signed it
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record VerifiedToken(
    TokenKind kind,
    String jti,
    String subject,
    String partnerId,
    String flowId,
    String correlationId,
    Set<String> scopes,
    String keyId,
    Instant issuedAt,
    Instant expiresAt) {

  public VerifiedToken {
    scopes = Set.copyOf(scopes);
  }
}
