package id.ktpscan.contracts.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service of the suite offers operations: honest readiness naming its dependencies,
 * liveness, Prometheus metrics, OpenAPI, and problem JSON for unknown paths. A service's test
 * extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceBasicsContract {

  /** The service name, as in {@code quarkus.application.name}. */
  protected abstract String serviceName();

  /** Names of the readiness checks that must be present and UP. */
  protected abstract List<String> readinessChecks();

  @Test
  void readinessIsUpAndNamesEveryDependency() {
    // Some services load for a while after startup (ocr-worker's models): ready within a minute.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(500))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems(readinessChecks().toArray(String[]::new)))
                    .body("checks.status", org.hamcrest.Matchers.everyItem(equalTo("UP"))));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void prometheusMetricsAreExposed() {
    given()
        .accept("text/plain")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void openApiDescribesTheService() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("KTP Scan " + serviceName()));
  }

  @Test
  void unknownPathIsAProblem() {
    given()
        .get("/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_FOUND"));
  }
}
