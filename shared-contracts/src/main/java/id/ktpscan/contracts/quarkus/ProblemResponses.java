package id.ktpscan.contracts.quarkus;

import id.ktpscan.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Turns a {@link Problem} into a JAX-RS response with the problem media type. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Response of(Problem problem) {
    return of(problem, Map.of());
  }

  public static Response of(Problem problem, Map<String, String> headers) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    headers.forEach(builder::header);
    return builder.build();
  }

  /** The stable code for a status that framework code raised without one of ours. */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 429 -> "TOO_MANY_REQUESTS";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
    };
  }
}
