package id.ktpscan.contracts.quarkus;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.contracts.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives the framework's own HTTP errors (unknown path, wrong method, wrong media type) our shape.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      // The JSON reader wraps parse errors in a plain 400; give them their precise code.
      if (cause instanceof JsonProcessingException json) {
        return JsonProcessingExceptionMapper.problemFor(json);
      }
    }
    Response original = exception.getResponse();
    int status = original.getStatus();
    Response.StatusType statusType = original.getStatusInfo();
    String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
    Problem problem =
        Problem.of(status, ProblemResponses.codeFor(status), title, detailFor(status));
    Map<String, String> headers = new HashMap<>();
    copyHeader(original, HttpHeaders.ALLOW, headers);
    copyHeader(original, HttpHeaders.WWW_AUTHENTICATE, headers);
    copyHeader(original, HttpHeaders.RETRY_AFTER, headers);
    return ProblemResponses.of(problem, headers);
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "No such resource.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "No acceptable representation; this API answers application/json.";
      case 415 -> "This content type is not accepted here.";
      default -> "The request could not be processed.";
    };
  }

  private static void copyHeader(Response from, String name, Map<String, String> to) {
    String value = from.getHeaderString(name);
    if (value != null) {
      to.put(name, value);
    }
  }
}
