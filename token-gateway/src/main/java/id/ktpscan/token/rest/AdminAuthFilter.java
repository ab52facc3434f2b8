package id.ktpscan.token.rest;

import id.ktpscan.contracts.problem.Problem;
import id.ktpscan.contracts.quarkus.ProblemResponses;
import id.ktpscan.token.service.StaticCredentials;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Guards the admin API with the admin credential from the environment; off when none is set. */
@Provider
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

  private final StaticCredentials credentials;

  public AdminAuthFilter(StaticCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!credentials.adminApiEnabled()) {
      request.abortWith(
          ProblemResponses.of(
              Problem.of(
                  403,
                  "ADMIN_API_DISABLED",
                  "Forbidden",
                  "The admin API is off: no admin credential is configured.")));
      return;
    }
    if (!credentials.isAdmin(BearerHeaders.bearer(request))) {
      BearerHeaders.reject(request, "ADMIN_UNAUTHORIZED", "A valid admin credential is required.");
    }
  }
}
