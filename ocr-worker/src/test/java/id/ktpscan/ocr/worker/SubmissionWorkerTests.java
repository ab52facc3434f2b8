package id.ktpscan.ocr.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.ScanResult;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.SubmissionCreatedCodec;
import id.ktpscan.contracts.testing.LogCapture;
import id.ktpscan.contracts.testing.TestKafka;
import id.ktpscan.ocr.TestCards;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The worker against the real broker: photo in, result out; poison to the DLQ; no PII logged. */
@QuarkusTest
class SubmissionWorkerTests {

  private final ObjectMapper json = KtpJson.mapper();

  @ConfigProperty(name = "ktp.event-keys")
  String eventKeys;

  private SubmissionCreated submission(byte[] image) {
    UUID submissionId = UUID.randomUUID();
    PayloadCipher cipher = PayloadCipher.fromKeyRing(eventKeys);
    return new SubmissionCreated(
        UUID.randomUUID(),
        submissionId,
        UUID.randomUUID(),
        "partner-test",
        "corr-" + submissionId,
        1,
        "image/jpeg",
        cipher.encrypt(image, PayloadCipher.aadFor(submissionId)),
        Instant.now());
  }

  @Test
  void aPhotoBecomesAResultWithTheRightNikAndAPoisonMessageGoesToTheDlq() throws Exception {
    TestCards.TestCard card = TestCards.flatOnTable(4242);
    SubmissionCreated first = submission(card.jpeg());
    String poisonKey = "poison-" + UUID.randomUUID();
    TestCards.TestCard second = TestCards.flatOnTable(4243);
    SubmissionCreated after = submission(second.jpeg());

    try (LogCapture logs = new LogCapture();
        KafkaConsumer<String, byte[]> results = consumer(Topics.RESULTS);
        KafkaConsumer<String, byte[]> dlq = consumer(Topics.SUBMISSIONS_DLQ)) {
      // The first as iab-gateway writes it (framed, raw ciphertext), the second as plain JSON
      // (what an older gateway wrote): the worker reads both.
      publishRaw(first.submissionId().toString(), SubmissionCreatedCodec.encode(first));
      publishRaw(poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
      TestKafka.publish(Topics.SUBMISSIONS, after.submissionId().toString(), after);

      Map<String, SubmissionProcessed> processed =
          await(results, List.of(first.submissionId().toString(), after.submissionId().toString()));
      List<ConsumerRecord<String, byte[]>> dead = awaitRecords(dlq, poisonKey);

      for (SubmissionCreated s : List.of(first, after)) {
        SubmissionProcessed p = processed.get(s.submissionId().toString());
        assertThat(p.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
        assertThat(p.correlationId()).isEqualTo(s.correlationId());
        assertThat(p.timingsMs()).containsKey("total");
        ScanResult result = decrypt(p);
        String want = (s == first ? card : second).identity().get(KtpField.NIK);
        assertThat(result.fields().get(KtpField.NIK).value()).isEqualTo(want);
      }
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
      assertThat(
              new String(
                  dead.get(0).headers().lastHeader(SubmissionWorker.DLQ_REASON_HEADER).value(),
                  StandardCharsets.UTF_8))
          .startsWith("unparseable");

      String log = String.join("\n", logs.lines());
      for (TestCards.TestCard c : List.of(card, second)) {
        assertThat(log).doesNotContain(c.identity().get(KtpField.NIK));
        assertThat(log).doesNotContain(c.identity().get(KtpField.NAME));
      }
    }
  }

  private ScanResult decrypt(SubmissionProcessed p) throws Exception {
    byte[] plain =
        PayloadCipher.fromKeyRing(eventKeys)
            .decrypt(p.result(), PayloadCipher.aadFor(p.submissionId()));
    return json.readValue(plain, ScanResult.class);
  }

  private static KafkaConsumer<String, byte[]> consumer(String topic) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "ocr-worker-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    // Join the group and take the end offsets before anything is published.
    long until = System.currentTimeMillis() + 15_000;
    while (consumer.assignment().isEmpty() && System.currentTimeMillis() < until) {
      consumer.poll(Duration.ofMillis(200));
    }
    return consumer;
  }

  private static void publishRaw(String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.SUBMISSIONS, key, value)).get();
    }
  }

  private Map<String, SubmissionProcessed> await(
      KafkaConsumer<String, byte[]> consumer, List<String> keys) throws Exception {
    Map<String, SubmissionProcessed> found = new java.util.HashMap<>();
    long until = System.currentTimeMillis() + 120_000;
    while (found.size() < keys.size() && System.currentTimeMillis() < until) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (keys.contains(r.key())) {
          found.put(r.key(), json.readValue(r.value(), SubmissionProcessed.class));
        }
      }
    }
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    return found;
  }

  private static List<ConsumerRecord<String, byte[]>> awaitRecords(
      KafkaConsumer<String, byte[]> consumer, String key) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    long until = System.currentTimeMillis() + 60_000;
    while (found.isEmpty() && System.currentTimeMillis() < until) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (key.equals(r.key())) {
          found.add(r);
        }
      }
    }
    return found;
  }
}
