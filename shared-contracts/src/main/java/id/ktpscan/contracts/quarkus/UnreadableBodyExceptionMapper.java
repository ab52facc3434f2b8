package id.ktpscan.contracts.quarkus;

import id.ktpscan.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * A request body the framework could not read (a multipart body cut short, a broken boundary) is
 * the client's problem: 400, not 500. Services wrap their own I/O failures in other exceptions.
 */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<IOException> {

  @Override
  public Response toResponse(IOException exception) {
    return ProblemResponses.of(
        Problem.of(
            400,
            "MALFORMED_BODY",
            "Malformed request body",
            "The request body could not be read; it is truncated or malformed."));
  }
}
