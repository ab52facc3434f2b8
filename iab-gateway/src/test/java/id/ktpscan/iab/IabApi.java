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
import id.ktpscan.contracts.kafka.JsonEventSerializer;
import id.ktpscan.contracts.kafka.SubmissionCreatedDeserializer;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
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
    publish(Topics.RESULTS, submissionId, event);
  }

  static void publish(String topic, String key, Object event) {
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
      throw new IllegalStateException(e);
    }
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

  /** Waits until the given submissions appear on ktp.submissions.v1 and returns those events. */
  static Map<UUID, List<SubmissionCreated>> awaitPublished(
      String bootstrap, java.util.Set<UUID> wanted, Duration timeout) {
    Map<UUID, List<SubmissionCreated>> found = new HashMap<>();
    try (KafkaConsumer<String, SubmissionCreated> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                16 * 1024 * 1024),
            new StringDeserializer(),
            new SubmissionCreatedDeserializer())) {
      consumer.subscribe(List.of(Topics.SUBMISSIONS));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && !found.keySet().containsAll(wanted)) {
        for (ConsumerRecord<String, SubmissionCreated> record :
            consumer.poll(Duration.ofMillis(500))) {
          if (wanted.contains(record.value().submissionId())) {
            found
                .computeIfAbsent(record.value().submissionId(), k -> new java.util.ArrayList<>())
                .add(record.value());
          }
        }
      }
      // Read a little longer so that a duplicate would be seen too.
      long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < settle) {
        for (ConsumerRecord<String, SubmissionCreated> record :
            consumer.poll(Duration.ofMillis(300))) {
          if (wanted.contains(record.value().submissionId())) {
            found
                .computeIfAbsent(record.value().submissionId(), k -> new java.util.ArrayList<>())
                .add(record.value());
          }
        }
      }
    }
    return found;
  }

  static byte[] json(Object value) {
    try {
      return KtpJson.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
