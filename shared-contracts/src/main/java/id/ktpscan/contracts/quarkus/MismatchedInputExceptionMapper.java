package id.ktpscan.contracts.quarkus;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Replaces the framework's empty 400 for JSON of the wrong shape with our problem body. */
@Provider
public class MismatchedInputExceptionMapper implements ExceptionMapper<MismatchedInputException> {

  @Override
  public Response toResponse(MismatchedInputException exception) {
    return JsonProcessingExceptionMapper.problemFor(exception);
  }
}
