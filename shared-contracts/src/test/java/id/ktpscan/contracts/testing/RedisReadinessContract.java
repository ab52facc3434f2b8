package id.ktpscan.contracts.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness is honest about Redis: with the service's Redis stopped it reports DOWN (while staying
 * live), and UP again once Redis is back. A service's test extends this and is annotated
 * {@code @QuarkusTest}, {@code @TestProfile} with a profile of its own, and
 * {@code @QuarkusTestResource(value = PrivateRedis.class, restrictToAnnotatedClass = true)}.
 */
public abstract class RedisReadinessContract {

  /** Called while Redis is down, to check what the service's own endpoints answer meanwhile. */
  protected void whileRedisIsDown() {}

  @Test
  void readyOnlyWhileRedisAnswers() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
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
      whileRedisIsDown();
    } finally {
      PrivateRedis.startServer();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
  }
}
