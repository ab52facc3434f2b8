package id.ktpscan.iab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-partner and per-user-token limits, counted in Redis. */
@QuarkusTest
@TestProfile(RateLimitTests.LowLimits.class)
class RateLimitTests {

  /** Limits small enough to reach in a test. */
  public static class LowLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ktp.iab.limits.partner-requests-per-minute", "4",
          "ktp.iab.limits.user-requests-per-minute", "3");
    }
  }

  @Test
  void partnerOverItsLimitGets429AndOthersDoNot() {
    String partner = TokenGatewayProcess.newPartnerToken();
    for (int i = 0; i < 4; i++) {
      IabApi.startFlowRequest(partner, IabApi.flowBody("rl-" + UUID.randomUUID(), "u" + i))
          .then()
          .statusCode(201);
    }
    Response limited =
        IabApi.startFlowRequest(partner, IabApi.flowBody("rl-" + UUID.randomUUID(), "u9"));
    limited
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("code", equalTo("RATE_LIMITED"));
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    IabApi.startFlowRequest(
            TokenGatewayProcess.newPartnerToken(), IabApi.flowBody("rl-" + UUID.randomUUID(), "u"))
        .then()
        .statusCode(201);
  }

  @Test
  void userTokenOverItsLimitGets429() {
    IabApi.StartedFlow flow = IabApi.startFlow(TokenGatewayProcess.newPartnerToken(), 3);
    for (int i = 0; i < 3; i++) {
      IabApi.status(flow).then().statusCode(404).body("code", equalTo("NO_SUBMISSION"));
    }
    IabApi.status(flow).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
  }
}
