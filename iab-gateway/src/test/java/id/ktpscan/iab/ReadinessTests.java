package id.ktpscan.iab;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.testing.PrivateRedis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With its Redis stopped, iab-gateway reports DOWN on readiness and recovers when it returns. */
@QuarkusTest
@TestProfile(ReadinessTests.OwnRedis.class)
@QuarkusTestResource(value = PrivateRedis.class, restrictToAnnotatedClass = true)
class ReadinessTests {

  /** A profile of its own, so the private Redis does not leak into other test classes. */
  public static class OwnRedis implements QuarkusTestProfile {}

  @Test
  void readyOnlyWhileRedisAnswers() {
    given().get("/q/health/ready").then().statusCode(200);
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
                      .body(
                          "checks.find { it.name == 'Redis connection health check' }.status",
                          equalTo("DOWN")));
      given().get("/q/health/live").then().statusCode(200);
    } finally {
      PrivateRedis.startServer();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
  }
}
