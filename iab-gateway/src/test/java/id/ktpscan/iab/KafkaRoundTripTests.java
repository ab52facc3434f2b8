package id.ktpscan.iab;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.kafka.SubmissionCreatedDeserializer;
import id.ktpscan.contracts.kafka.SubmissionCreatedSerializer;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A {@code SubmissionCreated} with an encrypted image travels through the real broker the service
 * is configured for and comes back identical, with the image still decryptable.
 */
@QuarkusTest
class KafkaRoundTripTests {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void submissionCreatedSurvivesTheBroker() throws Exception {
    String topic = "test.roundtrip." + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    PayloadCipher cipher = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("t1"));
    UUID submissionId = UUID.randomUUID();
    byte[] image = "synthetic jpeg bytes".getBytes(StandardCharsets.UTF_8);
    SubmissionCreated sent =
        new SubmissionCreated(
            UUID.randomUUID(),
            submissionId,
            UUID.randomUUID(),
            "prt_test",
            "corr-roundtrip",
            1,
            "image/jpeg",
            cipher.encrypt(image, PayloadCipher.aadFor(submissionId)),
            Instant.now().truncatedTo(ChronoUnit.MILLIS));

    try (KafkaProducer<String, SubmissionCreated> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new SubmissionCreatedSerializer())) {
      producer.send(new ProducerRecord<>(topic, submissionId.toString(), sent)).get();
    }

    List<ConsumerRecord<String, SubmissionCreated>> received = new ArrayList<>();
    try (KafkaConsumer<String, SubmissionCreated> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new SubmissionCreatedDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
    } finally {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }

    assertThat(received).hasSize(1);
    assertThat(received.get(0).key()).isEqualTo(submissionId.toString());
    SubmissionCreated got = received.get(0).value();
    assertThat(got).isEqualTo(sent);
    assertThat(cipher.decrypt(got.image(), PayloadCipher.aadFor(submissionId))).isEqualTo(image);
  }
}
