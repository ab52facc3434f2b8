package id.ktpscan.token;

import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.testing.PrivateRedis;
import id.ktpscan.contracts.testing.RedisReadinessContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** token-gateway without its Redis: not ready, and token issuance fails closed with a problem. */
@QuarkusTest
@TestProfile(ReadinessTests.OwnRedis.class)
@QuarkusTestResource(value = PrivateRedis.class, restrictToAnnotatedClass = true)
class ReadinessTests extends RedisReadinessContract {

  /** A profile of its own, so the private Redis does not leak into other test classes. */
  public static class OwnRedis implements QuarkusTestProfile {}

  @Override
  protected void whileRedisIsDown() {
    TokenGatewayApi.requestPartnerToken("cli_any", "pk_any")
        .then()
        .statusCode(503)
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
  }
}
