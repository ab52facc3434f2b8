import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes synthetic SubmissionProcessed events (RETRY_REQUIRED, no personal data) for one partner
 * to ktp.results.v1, as ocr-worker would, optionally at a fixed rate.
 * Usage: java -cp ".ktp/kafka/libs/*" bench/ResultPublisher.java BOOTSTRAP PARTNER COUNT [RATE]
 */
public class ResultPublisher {

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String partner = args[1];
    int count = Integer.parseInt(args[2]);
    double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrap);
    config.put("acks", "all");
    config.put("linger.ms", "1");
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (rate > 0) {
          long due = start + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
          }
        }
        String submission = UUID.randomUUID().toString();
        String event =
            "{\"eventId\":\"" + UUID.randomUUID() + "\",\"submissionId\":\"" + submission
                + "\",\"flowId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\"" + partner
                + "\",\"correlationId\":\"bench-" + i + "\",\"attempt\":1,\"outcome\":\"RETRY_REQUIRED\","
                + "\"reasons\":[\"GLARE\"],\"timingsMs\":{},\"processedAt\":\"" + Instant.now() + "\"}";
        sends.add(producer.send(new ProducerRecord<>("ktp.results.v1", submission, event)));
      }
      for (Future<RecordMetadata> send : sends) {
        send.get();
      }
    }
    System.out.printf("published %d in %.0f ms%n", count, (System.nanoTime() - start) / 1e6);
  }
}
