package id.ktpscan.contracts.problem;

/**
 * The one error body of the suite (RFC 9457 problem details plus a stable machine code).
 *
 * @param type a URI naming the problem, {@code urn:ktp-scan:problem:<code>}
 * @param title a short human summary of the problem type
 * @param status the HTTP status
 * @param detail what went wrong this time; never personal data, secrets or internal names
 * @param code a stable machine code such as {@code INVALID_CLIENT}; clients branch on it
 */
public record Problem(String type, String title, int status, String detail, String code) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Builds a problem whose type is derived from its code. */
  public static Problem of(int status, String code, String title, String detail) {
    return new Problem("urn:ktp-scan:problem:" + code, title, status, detail, code);
  }
}
