package id.ktpscan.contracts.problem;

import java.util.Map;

/** Thrown by service code to answer with a {@link Problem}; mapped to a response in one place. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final Map<String, String> headers;

  public ProblemException(int status, String code, String title, String detail) {
    this(Problem.of(status, code, title, detail), Map.of());
  }

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  /** The body to send. */
  public Problem problem() {
    return problem;
  }

  /** Extra response headers, for example {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
