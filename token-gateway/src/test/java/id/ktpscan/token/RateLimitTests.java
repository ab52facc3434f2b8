package id.ktpscan.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis-backed limits on the token endpoint. */
@QuarkusTest
@TestProfile(RateLimitTests.LowLimits.class)
class RateLimitTests {

  /** Limits small enough to hit in a test. */
  public static class LowLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ktp.token.rate-limit.attempts", "5",
          "ktp.token.rate-limit.attempt-window", "PT1M",
          "ktp.token.rate-limit.failures", "3",
          "ktp.token.rate-limit.failure-window", "PT10M");
    }
  }

  @Test
  void tooManyRequestsPerClientGet429WithRetryAfter() {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Busy Partner");
    for (int i = 0; i < 5; i++) {
      TokenGatewayApi.requestPartnerToken(partner.clientId(), partner.passkey())
          .then()
          .statusCode(200);
    }
    Response limited = TokenGatewayApi.requestPartnerToken(partner.clientId(), partner.passkey());
    limited
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("code", equalTo("RATE_LIMITED"));
    int retryAfter = Integer.parseInt(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 60);

    // Another client is not affected.
    TokenGatewayApi.Credentials other = TokenGatewayApi.createPartner("Quiet Partner");
    TokenGatewayApi.requestPartnerToken(other.clientId(), other.passkey()).then().statusCode(200);
  }

  @Test
  void repeatedFailuresLockTheClientEvenForTheRightPasskey() {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Attacked Partner");
    for (int i = 0; i < 3; i++) {
      TokenGatewayApi.requestPartnerToken(partner.clientId(), "pk_guess" + i)
          .then()
          .statusCode(401)
          .body("code", equalTo("INVALID_CLIENT"));
    }
    Response locked = TokenGatewayApi.requestPartnerToken(partner.clientId(), partner.passkey());
    locked.then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(500, 600);
  }

  @Test
  void unknownClientsAreLimitedToo() {
    String clientId = "cli_unknown_" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      TokenGatewayApi.requestPartnerToken(clientId, "pk_x").then().statusCode(401);
    }
    TokenGatewayApi.requestPartnerToken(clientId, "pk_x").then().statusCode(429);
  }
}
