package id.ktpscan.iab;

import id.ktpscan.contracts.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** iab-gateway's operational endpoints; it depends on PostgreSQL, Redis and Kafka. */
@QuarkusTest
class ServiceBasicsTests extends ServiceBasicsContract {

  @Override
  protected String serviceName() {
    return "iab-gateway";
  }

  @Override
  protected List<String> readinessChecks() {
    return List.of(
        "Database connections health check", "Redis connection health check", "Kafka broker");
  }
}
