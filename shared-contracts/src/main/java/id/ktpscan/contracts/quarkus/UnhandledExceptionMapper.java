package id.ktpscan.contracts.quarkus;

import id.ktpscan.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** The last resort: a 500 problem with no internal detail, and the cause in the log. */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    LOG.error("unhandled error while serving a request", exception);
    return ProblemResponses.of(
        Problem.of(
            500, "INTERNAL_ERROR", "Internal error", "An unexpected error occurred; try again."));
  }
}
