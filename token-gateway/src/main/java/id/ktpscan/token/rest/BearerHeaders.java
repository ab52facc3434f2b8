package id.ktpscan.token.rest;

import id.ktpscan.contracts.problem.Problem;
import id.ktpscan.contracts.quarkus.ProblemResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;

/** Reads bearer credentials and answers 401 problems for the admin and service filters. */
final class BearerHeaders {

  private BearerHeaders() {}

  static String bearer(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }

  static void reject(ContainerRequestContext request, String code, String detail) {
    request.abortWith(
        ProblemResponses.of(
            Problem.of(401, code, "Unauthorized", detail),
            Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer")));
  }
}
