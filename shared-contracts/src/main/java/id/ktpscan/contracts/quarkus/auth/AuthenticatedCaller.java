package id.ktpscan.contracts.quarkus.auth;

import id.ktpscan.contracts.auth.VerifiedToken;
import jakarta.enterprise.context.RequestScoped;

/** The verified token of the current request, set by the bearer-token filters. */
@RequestScoped
public class AuthenticatedCaller {

  private VerifiedToken token;

  void set(VerifiedToken token) {
    this.token = token;
  }

  /**
   * The caller's verified token.
   *
   * @throws IllegalStateException on an endpoint without an authentication annotation
   */
  public VerifiedToken token() {
    if (token == null) {
      throw new IllegalStateException("endpoint is not annotated for authentication");
    }
    return token;
  }
}
