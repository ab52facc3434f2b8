package id.ktpscan.contracts.quarkus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of the Kafka broker, answered within a bounded time: a probe that hangs while the
 * broker is down is as bad as a wrong answer. Services that use Kafka produce it as a
 * {@code @Readiness} bean (it is a plain class so that services without Kafka never load it).
 */
public class KafkaBrokerCheck implements HealthCheck {

  public static final String NAME = "Kafka broker";

  private final String bootstrapServers;
  private final Duration timeout;
  private volatile Admin admin;

  public KafkaBrokerCheck(String bootstrapServers, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      int nodes =
          admin()
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
              .nodes()
              .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
              .size();
      return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    } catch (Exception e) {
      return down(e.getClass().getSimpleName());
    }
  }

  private HealthCheckResponse down(String reason) {
    return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
  }

  private Admin admin() {
    Admin current = admin;
    if (current == null) {
      synchronized (this) {
        if (admin == null) {
          admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                      bootstrapServers,
                      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                      (int) timeout.toMillis(),
                      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                      (int) timeout.toMillis(),
                      AdminClientConfig.CLIENT_ID_CONFIG,
                      "readiness-check"));
        }
        current = admin;
      }
    }
    return current;
  }
}
