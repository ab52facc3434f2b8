package id.ktpscan.contracts.quarkus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import id.ktpscan.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers unreadable JSON bodies with 400.
 *
 * <p>Jackson's own message quotes the input, which may be personal data, so it is never echoed.
 */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    return problemFor(exception);
  }

  static Response problemFor(JsonProcessingException exception) {
    if (exception instanceof MismatchedInputException mismatch) {
      if (mismatch.getPath().isEmpty()) {
        return ProblemResponses.of(
            Problem.of(
                400,
                "INVALID_FIELD",
                "Invalid request body",
                "The request body does not have the expected JSON shape."));
      }
      String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      return ProblemResponses.of(
          Problem.of(
              400,
              "INVALID_FIELD",
              "Invalid field",
              "Field '" + (field == null ? "?" : field) + "' has the wrong type or format."));
    }
    return ProblemResponses.of(
        Problem.of(400, "MALFORMED_JSON", "Malformed JSON", "The request body is not valid JSON."));
  }
}
