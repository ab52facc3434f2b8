package id.ktpscan.contracts.testing;

import id.ktpscan.contracts.kafka.JsonEventSerializer;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes events the way the other services of the suite do, for tests. */
public final class TestKafka {

  private TestKafka() {}

  /** The broker the application under test is configured for. */
  public static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  /** Publishes one event (as shared-contracts JSON) and waits for the broker's acknowledgement. */
  public static void publish(String topic, String key, Object event) {
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new JsonEventSerializer<>())) {
      producer.send(new ProducerRecord<>(topic, key, event)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }
}
