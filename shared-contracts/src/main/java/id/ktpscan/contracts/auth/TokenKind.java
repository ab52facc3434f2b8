package id.ktpscan.contracts.auth;

/**
 * The two kinds of JWT token-gateway signs; each has its own audience, scope and {@code token_use}
 * claim so that one can never stand in for the other.
 */
public enum TokenKind {
  /** Held by a partner's backend; calls the partner APIs. */
  PARTNER("partner", "ktp-scan-api", "ktp-scan:partner"),
  /** Minted for one scan flow; only submits photos and polls their status. */
  USER("user", "ktp-scan-capture", "ktp-scan:submit");

  private final String tokenUse;
  private final String audience;
  private final String scope;

  TokenKind(String tokenUse, String audience, String scope) {
    this.tokenUse = tokenUse;
    this.audience = audience;
    this.scope = scope;
  }

  /** Value of the {@code token_use} claim. */
  public String tokenUse() {
    return tokenUse;
  }

  /** Value of the {@code aud} claim. */
  public String audience() {
    return audience;
  }

  /** The scope every token of this kind carries and verifiers require. */
  public String scope() {
    return scope;
  }
}
