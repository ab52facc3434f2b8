package id.ktpscan.iab;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.ExtractedField;
import id.ktpscan.contracts.events.ScanResult;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.SubmissionCreatedDeserializer;
import id.ktpscan.contracts.testing.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Drives iab-gateway over HTTP and Kafka the way partners, the SDK and ocr-worker do. */
final class IabApi {

  /** A started flow. */
  record StartedFlow(String flowId, String correlationId, String userToken) {}

  /** Synthetic card values used in results; never a real person. */
  static final String NIK = "3204054107950004";

  static final String NAME = "SITI NURHALIZA PUTRI";

  private IabApi() {}

  static Response startFlowRequest(String partnerToken, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(partnerToken)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/flows");
  }

  static StartedFlow startFlow(String partnerToken, int maxAttempts) {
    String correlationId = "corr-" + UUID.randomUUID();
    Map<String, Object> body = flowBody(correlationId, "user-" + UUID.randomUUID());
    body.put("maxAttempts", maxAttempts);
    Response response = startFlowRequest(partnerToken, body);
    response.then().statusCode(201);
    return new StartedFlow(response.path("flowId"), correlationId, response.path("userToken"));
  }

  static Map<String, Object> flowBody(String correlationId, String userId) {
    Map<String, Object> body = new HashMap<>();
    body.put("partnerUserId", userId);
    body.put("partnerUserIdType", "INTERNAL_ID");
    body.put("flowType", "KTP_SCAN");
    body.put("correlationId", correlationId);
    return body;
  }

  static Response submit(String userToken, byte[] image, String fileName) {
    return given()
        .auth()
        .oauth2(userToken)
        .multiPart("image", fileName, image, fileName.endsWith(".png") ? "image/png" : "image/jpeg")
        .post("/v1/ktp-scan/submissions");
  }

  static Response status(StartedFlow flow) {
    return given()
        .auth()
        .oauth2(flow.userToken())
        .get("/v1/ktp-scan/submissions/" + flow.correlationId() + "/status");
  }

  static Response details(String partnerToken, String correlationId) {
    return given().auth().oauth2(partnerToken).get("/v1/ktp-scan/submissions/" + correlationId);
  }

  static PayloadCipher eventCipher() {
    return PayloadCipher.fromKeyRing(
        ConfigProvider.getConfig().getValue("ktp.event-keys", String.class));
  }

  static String bootstrap() {
    return TestKafka.bootstrap();
  }

  /** Publishes what ocr-worker would for a submission. */
  static void publishResult(
      String flowId,
      String partnerId,
      String correlationId,
      String submissionId,
      int attempt,
      ScanOutcome outcome,
      List<RetryReason> reasons) {
    UUID submission = UUID.fromString(submissionId);
    byte[] result = outcome == ScanOutcome.EXTRACTED ? json(sampleResult()) : null;
    SubmissionProcessed event =
        new SubmissionProcessed(
            UUID.randomUUID(),
            submission,
            UUID.fromString(flowId),
            partnerId,
            correlationId,
            attempt,
            outcome,
            reasons,
            result == null ? null : eventCipher().encrypt(result, PayloadCipher.aadFor(submission)),
            Map.of("total", 420L),
            Instant.now());
    TestKafka.publish(Topics.RESULTS, submissionId, event);
  }

  static ScanResult sampleResult() {
    Map<KtpField, ExtractedField> fields = new EnumMap<>(KtpField.class);
    for (KtpField field : KtpField.values()) {
      fields.put(field, new ExtractedField("X", 0.9));
    }
    fields.put(KtpField.NIK, new ExtractedField(NIK, 0.99));
    fields.put(KtpField.NAME, new ExtractedField(NAME, 0.95));
    fields.put(KtpField.BIRTH_DATE, new ExtractedField("1995-07-01", 0.99));
    return new ScanResult(fields, Map.of("nikBirthDate", CheckResult.PASS), List.of(), 0.93);
  }

  /**
   * Reads {@code ktp.submissions.v1} from its end at the time of creation, so a test sees only the
   * events published after it started, however much the topic already holds.
   */
  static final class SubmissionsTail implements AutoCloseable {

    private final KafkaConsumer<String, SubmissionCreated> consumer;

    SubmissionsTail(String bootstrap) {
      Map<String, Object> config = new HashMap<>();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
      consumer =
          new KafkaConsumer<>(
              config, new StringDeserializer(), new SubmissionCreatedDeserializer());
      List<TopicPartition> partitions = partitionsOf(consumer, Topics.SUBMISSIONS);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
    }

    /**
     * The topic's partitions, asked again until the broker's metadata lists them: right after the
     * topic is created it can briefly answer with none, and assigning none leaves the consumer
     * unable to poll.
     */
    private static List<TopicPartition> partitionsOf(
        KafkaConsumer<String, SubmissionCreated> consumer, String topic) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (!partitions.isEmpty()) {
          return partitions;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " has no partitions after 30 s");
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }

    /** Waits until every wanted submission was seen, then a little longer to catch duplicates. */
    Map<UUID, List<SubmissionCreated>> await(java.util.Set<UUID> wanted, Duration timeout) {
      Map<UUID, List<SubmissionCreated>> found = new HashMap<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && !found.keySet().containsAll(wanted)) {
        collect(wanted, found, Duration.ofMillis(500));
      }
      long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < settle) {
        collect(wanted, found, Duration.ofMillis(300));
      }
      return found;
    }

    private void collect(
        java.util.Set<UUID> wanted, Map<UUID, List<SubmissionCreated>> found, Duration poll) {
      for (ConsumerRecord<String, SubmissionCreated> record : consumer.poll(poll)) {
        if (record.value() != null && wanted.contains(record.value().submissionId())) {
          found
              .computeIfAbsent(record.value().submissionId(), k -> new java.util.ArrayList<>())
              .add(record.value());
        }
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  static byte[] json(Object value) {
    try {
      return KtpJson.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
