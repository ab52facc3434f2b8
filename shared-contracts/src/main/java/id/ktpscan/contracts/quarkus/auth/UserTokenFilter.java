package id.ktpscan.contracts.quarkus.auth;

import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;

/** Guards {@link UserAuthenticated} endpoints. */
@Provider
@UserAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class UserTokenFilter extends BearerTokenFilter {

  public UserTokenFilter(Instance<TokenVerifier> verifier, AuthenticatedCaller caller) {
    super(TokenKind.USER, verifier, caller);
  }
}
