package id.ktpscan.contracts.quarkus.auth;

import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenRejectedException;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.problem.Problem;
import id.ktpscan.contracts.quarkus.ProblemResponses;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Verifies the {@code Authorization: Bearer} token of a request for one token kind and answers
 * failures with a problem body; the service supplies the {@link TokenVerifier} bean.
 */
abstract class BearerTokenFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);
  private static final String PREFIX = "Bearer ";

  private final TokenKind kind;
  private final Instance<TokenVerifier> verifier;
  private final AuthenticatedCaller caller;

  BearerTokenFilter(TokenKind kind, Instance<TokenVerifier> verifier, AuthenticatedCaller caller) {
    this.kind = kind;
    this.verifier = verifier;
    this.caller = caller;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    try {
      String token =
          header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
              ? header.substring(PREFIX.length()).trim()
              : null;
      caller.set(verifier.get().verify(token, kind));
    } catch (TokenRejectedException e) {
      TokenRejectedException.Reason reason = e.reason();
      if (reason == TokenRejectedException.Reason.UNAVAILABLE) {
        LOG.warnf("cannot verify %s tokens: %s", kind, String.valueOf(e.getCause()));
      }
      String challenge =
          reason == TokenRejectedException.Reason.MISSING
              ? "Bearer"
              : "Bearer error=\""
                  + (reason.status() == 403 ? "insufficient_scope" : "invalid_token")
                  + "\"";
      request.abortWith(
          ProblemResponses.of(
              Problem.of(
                  reason.status(), reason.code(), titleFor(reason.status()), reason.detail()),
              reason.status() == 503 ? Map.of() : Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge)));
    }
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      default -> "Service unavailable";
    };
  }
}
