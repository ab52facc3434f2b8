package id.ktpscan.contracts.quarkus.auth;

import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;

/** Guards {@link PartnerAuthenticated} endpoints. */
@Provider
@PartnerAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class PartnerTokenFilter extends BearerTokenFilter {

  public PartnerTokenFilter(Instance<TokenVerifier> verifier, AuthenticatedCaller caller) {
    super(TokenKind.PARTNER, verifier, caller);
  }
}
