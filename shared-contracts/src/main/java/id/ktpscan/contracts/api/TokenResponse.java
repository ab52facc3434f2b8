package id.ktpscan.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An issued access token, in the OAuth2 token-response shape.
 *
 * @param accessToken the signed JWT
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the token expires
 * @param scope the granted scope
 */
public record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("scope") String scope) {

  @Override
  public String toString() {
    return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
  }
}
