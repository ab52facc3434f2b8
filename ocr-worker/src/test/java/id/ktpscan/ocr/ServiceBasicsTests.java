package id.ktpscan.ocr;

import id.ktpscan.contracts.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** ocr-worker's operational endpoints and the dependencies its readiness reports. */
@QuarkusTest
class ServiceBasicsTests extends ServiceBasicsContract {

  @Override
  protected String serviceName() {
    return "ocr-worker";
  }

  @Override
  protected List<String> readinessChecks() {
    return List.of("Kafka broker", "ocr-models");
  }
}
