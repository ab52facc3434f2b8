package id.ktpscan.ocr.health;

import id.ktpscan.contracts.quarkus.KafkaBrokerCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the Kafka broker this service works with, answered within two seconds. */
public class KafkaHealth {

  @Produces
  @Readiness
  @ApplicationScoped
  HealthCheck kafkaBroker(@ConfigProperty(name = "kafka.bootstrap.servers") String servers) {
    return new KafkaBrokerCheck(servers, Duration.ofSeconds(2));
  }
}
