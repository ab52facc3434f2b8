package id.ktpscan.callback;

import id.ktpscan.contracts.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** callback-dispatcher's operational endpoints: PostgreSQL, Kafka, and Redis for revocations. */
@QuarkusTest
class ServiceBasicsTests extends ServiceBasicsContract {

  @Override
  protected String serviceName() {
    return "callback-dispatcher";
  }

  @Override
  protected List<String> readinessChecks() {
    return List.of(
        "Database connections health check", "Kafka broker", "Redis connection health check");
  }
}
