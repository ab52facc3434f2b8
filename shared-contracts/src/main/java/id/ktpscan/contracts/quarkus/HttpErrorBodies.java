package id.ktpscan.contracts.quarkus;

import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives the errors the HTTP layer raises before JAX-RS sees a request (body too large) the same
 * problem shape as every other error.
 */
@Singleton
public class HttpErrorBodies {

  void install(@Observes Router router) {
    Optional<MemorySize> limit =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class);
    limit.ifPresent(
        max ->
            router
                .route()
                .order(Integer.MIN_VALUE)
                .handler(context -> rejectDeclaredOversize(context, max.asLongValue())));
    router.errorHandler(413, HttpErrorBodies::payloadTooLarge);
  }

  private static void rejectDeclaredOversize(RoutingContext context, long max) {
    String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > max) {
          payloadTooLarge(context);
          return;
        }
      } catch (NumberFormatException e) {
        write(
            context,
            Problem.of(400, "BAD_REQUEST", "Bad Request", "The Content-Length header is invalid."));
        return;
      }
    }
    context.next();
  }

  private static void payloadTooLarge(RoutingContext context) {
    write(
        context,
        Problem.of(
            413, "PAYLOAD_TOO_LARGE", "Payload too large", "The request body exceeds the limit."));
  }

  private static void write(RoutingContext context, Problem problem) {
    if (context.response().ended()) {
      return;
    }
    String body;
    try {
      body = KtpJson.mapper().writeValueAsString(problem);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        // The unread body would otherwise be parsed as the next request on this connection.
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(body);
  }
}
