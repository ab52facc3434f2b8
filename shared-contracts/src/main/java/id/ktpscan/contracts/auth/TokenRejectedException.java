package id.ktpscan.contracts.auth;

/** A bearer token that failed verification, with a reason a client can act on. */
public class TokenRejectedException extends RuntimeException {

  /** Why a token was refused; each maps to a stable problem code and HTTP status. */
  public enum Reason {
    MISSING(401, "TOKEN_MISSING", "A bearer token is required."),
    MALFORMED(401, "INVALID_TOKEN", "The token is not a well-formed signed JWT."),
    BAD_SIGNATURE(401, "INVALID_TOKEN", "The token signature cannot be verified."),
    WRONG_ISSUER(401, "INVALID_TOKEN", "The token was not issued by this installation."),
    WRONG_KIND(401, "WRONG_TOKEN_TYPE", "This kind of token cannot call this endpoint."),
    WRONG_AUDIENCE(401, "INVALID_TOKEN", "The token is not meant for this API."),
    EXPIRED(401, "TOKEN_EXPIRED", "The token has expired."),
    NOT_YET_VALID(401, "INVALID_TOKEN", "The token is not valid yet."),
    REVOKED(401, "TOKEN_REVOKED", "The token has been revoked."),
    INSUFFICIENT_SCOPE(403, "INSUFFICIENT_SCOPE", "The token lacks the scope this call needs."),
    UNAVAILABLE(503, "AUTH_UNAVAILABLE", "Tokens cannot be verified right now; try again.");

    private final int status;
    private final String code;
    private final String detail;

    Reason(int status, String code, String detail) {
      this.status = status;
      this.code = code;
      this.detail = detail;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }

    public String detail() {
      return detail;
    }
  }

  private final Reason reason;

  public TokenRejectedException(Reason reason) {
    this(reason, null);
  }

  public TokenRejectedException(Reason reason, Throwable cause) {
    super(reason.name(), cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
