package id.ktpscan.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.JsonEventSerializer;
import id.ktpscan.contracts.testing.Ports;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed in the middle of a retry schedule and started again: the delivery
 * that fell due while it was down goes out when it is back, and nothing is lost or sent twice.
 */
class DeliveryRestartIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static WebhookReceiver receiver;
  private static Process service;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    new TokenGatewayProcess().start();
    receiver = new WebhookReceiver();
    port = Ports.free();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.destroyForcibly();
    }
    receiver.close();
  }

  @Test
  void deliveryDueDuringADowntimeGoesOutAfterTheRestart() throws Exception {
    TokenGatewayProcess.Partner partner = TokenGatewayProcess.createPartner("Restart Partner");
    String token = TokenGatewayProcess.partnerToken(partner);
    launch();
    String path = "/restart-" + UUID.randomUUID();
    String url = receiver.url(path, WebhookReceiver.Behaviour.failThenOk(2));
    HttpResponse<String> registered =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/webhooks"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).isEqualTo(200);

    UUID eventId = UUID.randomUUID();
    publish(partner.partnerId(), eventId);
    // The first attempt failed and is on record, with the retry scheduled 3 s later.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode delivery = json(get("/v1/webhooks/deliveries/" + eventId, token));
              assertThat(delivery.path("status").asText()).isEqualTo("PENDING");
              assertThat(delivery.path("log")).hasSize(1);
            });
    assertThat(receiver.received(path)).hasSize(1);

    // Killed without a chance to clean up, while the retry (3 s later) is scheduled.
    service.destroyForcibly().waitFor();
    Thread.sleep(4000);
    assertThat(receiver.received(path)).hasSize(1);

    launch();
    await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received(path).size() == 3);
    assertThat(receiver.received(path))
        .extracting(r -> r.header("KTP-Event-Id"))
        .containsOnly(eventId.toString());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode delivery = json(get("/v1/webhooks/deliveries/" + eventId, token));
              assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
              assertThat(delivery.get("log")).hasSize(3);
            });
    Thread.sleep(2000);
    assertThat(receiver.received(path)).hasSize(3);
  }

  private static void launch() throws Exception {
    Path jar = Ports.repoRoot().resolve("callback-dispatcher/target/quarkus-app/quarkus-run.jar");
    Path log = Path.of("target", "callback-dispatcher-it.log").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/callback_dispatcher_test");
    env.put("QUARKUS_DATASOURCE_USERNAME", "callback_dispatcher");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "callback_dispatcher");
    env.put("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:6379/1");
    env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    env.put("MP_MESSAGING_INCOMING_RESULTS_GROUP_ID", "callback-restart-it");
    env.put("KTP_CALLBACK_DATA_KEYS", "test1:dGVzdC1vbmx5LWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=");
    env.put("KTP_CALLBACK_TOKENS_TOKEN_GATEWAY_URL", TokenGatewayProcess.baseUrl());
    env.put("KTP_CALLBACK_TARGETS_REQUIRE_HTTPS", "false");
    env.put("KTP_CALLBACK_TARGETS_ALLOW_LOOPBACK", "true");
    env.put("KTP_CALLBACK_DELIVERY_RETRY_SCHEDULE", "PT3S,PT3S,PT3S");
    env.put("KTP_CALLBACK_DELIVERY_JITTER", "0");
    env.put("KTP_CALLBACK_DELIVERY_LEASE", "PT5S");
    service = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException(
            "callback-dispatcher exited; see " + log + ":\n" + tail(log));
      }
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException("callback-dispatcher did not become ready; see " + log);
  }

  private static void publish(String partnerId, UUID eventId) throws Exception {
    UUID submission = UUID.randomUUID();
    SubmissionProcessed event =
        new SubmissionProcessed(
            eventId,
            submission,
            UUID.randomUUID(),
            partnerId,
            "restart-" + eventId,
            1,
            ScanOutcome.RETRY_REQUIRED,
            List.of(RetryReason.BLURRY),
            null,
            Map.of(),
            Instant.now());
    try (KafkaProducer<String, SubmissionProcessed> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", "127.0.0.1:9092", "acks", "all"),
            new StringSerializer(),
            new JsonEventSerializer<>())) {
      producer.send(new ProducerRecord<>(Topics.RESULTS, submission.toString(), event)).get();
    }
  }

  private static String get(String path, String token) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static JsonNode json(String body) throws IOException {
    return KtpJson.mapper().readTree(body);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
