package id.ktpscan.contracts.auth;

/** Names of the private claims in KTP Scan tokens. */
public final class TokenClaimNames {

  public static final String TOKEN_USE = "token_use";
  public static final String SCOPE = "scope";
  public static final String PARTNER_ID = "partner_id";
  public static final String CLIENT_ID = "client_id";
  public static final String FLOW_ID = "flow_id";
  public static final String CORRELATION_ID = "correlation_id";

  private TokenClaimNames() {}
}
