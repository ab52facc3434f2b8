package id.ktpscan.token.rest;

import id.ktpscan.token.service.StaticCredentials;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/** Guards service-to-service endpoints with per-service credentials from the environment. */
@Provider
@ServiceAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class ServiceAuthFilter implements ContainerRequestFilter {

  /** Request property holding the name of the calling service. */
  public static final String CALLER = "ktp.service-caller";

  private final StaticCredentials credentials;

  public ServiceAuthFilter(StaticCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> service = credentials.serviceFor(BearerHeaders.bearer(request));
    if (service.isPresent()) {
      request.setProperty(CALLER, service.get());
    } else {
      BearerHeaders.reject(
          request, "SERVICE_UNAUTHORIZED", "A valid service credential is required.");
    }
  }
}
