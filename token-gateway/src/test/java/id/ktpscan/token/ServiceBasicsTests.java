package id.ktpscan.token;

import id.ktpscan.contracts.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** token-gateway's operational endpoints; it depends on PostgreSQL and Redis. */
@QuarkusTest
class ServiceBasicsTests extends ServiceBasicsContract {

  @Override
  protected String serviceName() {
    return "token-gateway";
  }

  @Override
  protected List<String> readinessChecks() {
    return List.of("Database connections health check", "Redis connection health check");
  }
}
