package id.ktpscan.contracts.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer every service uses for events that must not be lost or duplicated by retries: acks
 * from all in-sync replicas, idempotence, no lingering, room for an encrypted photo, and every wait
 * bounded by one send timeout (so a caller blocked on a send learns of a dead broker in time).
 */
public final class ReliableProducer {

  private ReliableProducer() {}

  public static KafkaProducer<String, byte[]> create(
      String bootstrapServers, Duration sendTimeout, String clientId) {
    long timeoutMs = sendTimeout.toMillis();
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            16 * 1024 * 1024,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            timeoutMs / 2,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) (timeoutMs / 2),
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) timeoutMs,
            ProducerConfig.LINGER_MS_CONFIG,
            0,
            ProducerConfig.CLIENT_ID_CONFIG,
            clientId),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
