package id.ktpscan.contracts.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * The one error body of the suite (RFC 9457 problem details plus a stable machine code).
 *
 * @param type a URI naming the problem, {@code urn:ktp-scan:problem:<code>}
 * @param title a short human summary of the problem type
 * @param status the HTTP status
 * @param detail what went wrong this time; never personal data, secrets or internal names
 * @param code a stable machine code such as {@code INVALID_CLIENT}; clients branch on it
 * @param extensions further members written beside the standard ones, e.g. {@code nextAction}
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    @JsonIgnore Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  /** Builds a problem whose type is derived from its code. */
  public static Problem of(int status, String code, String title, String detail) {
    return new Problem("urn:ktp-scan:problem:" + code, title, status, detail, code, Map.of());
  }

  /** The same problem with one more member. */
  public Problem with(String name, Object value) {
    java.util.HashMap<String, Object> more = new java.util.HashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, code, more);
  }

  @JsonAnyGetter
  Map<String, Object> members() {
    return extensions;
  }
}
