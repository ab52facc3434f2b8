package id.ktpscan.token;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.ktpscan.contracts.testing.PrivateRedis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Readiness reports what the service depends on: stop Redis and the service says DOWN. */
@QuarkusTest
@TestProfile(ReadinessTests.OwnRedis.class)
@QuarkusTestResource(value = PrivateRedis.class, restrictToAnnotatedClass = true)
class ReadinessTests {

  /** A profile of its own, so the private Redis does not leak into other test classes. */
  public static class OwnRedis implements QuarkusTestProfile {}

  @Test
  void readyOnlyWhileRedisAnswers() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"))
        .body("checks.name", hasItem("Redis connection health check"));

    PrivateRedis.stopServer();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .get("/q/health/ready")
                      .then()
                      .statusCode(503)
                      .body("status", equalTo("DOWN"))
                      .body(
                          "checks.find { it.name == 'Redis connection health check' }.status",
                          equalTo("DOWN")));
      // Liveness is not readiness: the process itself is fine and must not be restarted.
      given().get("/q/health/live").then().statusCode(200);
      // Token issuance fails closed with a problem, not a 500.
      TokenGatewayApi.requestPartnerToken("cli_any", "pk_any")
          .then()
          .statusCode(503)
          .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
    } finally {
      PrivateRedis.startServer();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
  }
}
