package id.ktpscan.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import id.ktpscan.callback.delivery.WebhookSignature;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.json.KtpJson;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries through real Kafka and PostgreSQL to a real local HTTP receiver, with the test retry
 * schedule (0.5 s, 1 s, 1.5 s) and 1 s timeouts of the test profile.
 */
@QuarkusTest
class DeliveryTests {

  private static WebhookReceiver receiver;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void deliveredOnTheFirstTryWithAVerifiableSignatureAndNoPersonalData() throws Exception {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String path = "/ok-" + UUID.randomUUID();
    String secret =
        CallbackApi.registerSecret(partner, receiver.url(path, WebhookReceiver.Behaviour.ok()));
    UUID eventId = CallbackApi.publishResult(partner, ScanOutcome.EXTRACTED);

    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received(path).size() == 1);
    WebhookReceiver.Received request = receiver.received(path).get(0);
    assertThat(request.header("KTP-Event-Id")).isEqualTo(eventId.toString());
    assertThat(request.header("KTP-Event-Type")).isEqualTo("KTP_SCAN_COMPLETED");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    JsonNode body = KtpJson.mapper().readTree(request.body());
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "eventId", "type", "correlationId", "submissionId", "status", "occurredAt");
    assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(request.body()).doesNotContain(CallbackApi.NIK).doesNotContain(CallbackApi.NAME);

    String signature = request.header(WebhookSignature.HEADER);
    assertThat(
            WebhookSignature.verify(
                signature, request.body(), secret, Instant.now(), Duration.ofMinutes(5)))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                signature, request.body(), secret + "x", Instant.now(), Duration.ofMinutes(5)))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                signature,
                request.body().replace("COMPLETED", "FAILED"),
                secret,
                Instant.now(),
                Duration.ofMinutes(5)))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                signature,
                request.body(),
                secret,
                Instant.now().plusSeconds(600),
                Duration.ofMinutes(5)))
        .as("an old signature is a replay")
        .isFalse();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                CallbackApi.delivery(partner, eventId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("DELIVERED"))
                    .body("attempts", equalTo(1))
                    .body("log", hasSize(1))
                    .body("log[0].statusCode", equalTo(200)));
  }

  @Test
  void failingReceiverIsRetriedWithGrowingWaitsUntilItAccepts() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String path = "/flaky-" + UUID.randomUUID();
    CallbackApi.registerSecret(
        partner, receiver.url(path, WebhookReceiver.Behaviour.failThenOk(2)));
    UUID eventId = CallbackApi.publishResult(partner, ScanOutcome.RETRY_REQUIRED);

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 3);
    List<WebhookReceiver.Received> requests = receiver.received(path);
    assertThat(requests).extracting(r -> r.header("KTP-Event-Id")).containsOnly(eventId.toString());
    assertThat(requests.get(0).header("KTP-Event-Type")).isEqualTo("KTP_SCAN_RETRY_REQUIRED");
    Duration firstWait = Duration.between(requests.get(0).at(), requests.get(1).at());
    Duration secondWait = Duration.between(requests.get(1).at(), requests.get(2).at());
    assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    assertThat(secondWait).isGreaterThan(firstWait);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                CallbackApi.delivery(partner, eventId)
                    .then()
                    .body("status", equalTo("DELIVERED"))
                    .body("attempts", equalTo(3))
                    .body(
                        "log.outcome",
                        org.hamcrest.Matchers.contains("RETRY", "RETRY", "DELIVERED"))
                    .body("log[0].statusCode", equalTo(503)));
    // It is not delivered once more afterwards.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> receiver.received(path).size() == 3);
  }

  @Test
  void receiverThatNeverAnswersIsParkedAfterTheSchedule() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String path = "/dead-" + UUID.randomUUID();
    CallbackApi.registerSecret(partner, receiver.url(path, WebhookReceiver.Behaviour.hang()));
    UUID eventId = CallbackApi.publishResult(partner, ScanOutcome.EXTRACTED);

    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () ->
                CallbackApi.delivery(partner, eventId)
                    .then()
                    .body("status", equalTo("PARKED"))
                    .body("attempts", equalTo(4))
                    .body("lastError", equalTo("retry schedule exhausted"))
                    .body("log.error", org.hamcrest.Matchers.everyItem(equalTo("timeout")))
                    .body(
                        "log.outcome",
                        org.hamcrest.Matchers.contains("RETRY", "RETRY", "RETRY", "PARKED")));
    CallbackApi.deliveries(partner, "PARKED")
        .then()
        .body("eventId", org.hamcrest.Matchers.hasItem(eventId.toString()));
  }

  @Test
  void goneDisablesTheEndpoint() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String path = "/gone-" + UUID.randomUUID();
    CallbackApi.registerSecret(partner, receiver.url(path, WebhookReceiver.Behaviour.gone()));
    UUID eventId = CallbackApi.publishResult(partner, ScanOutcome.FAILED);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                CallbackApi.delivery(partner, eventId)
                    .then()
                    .body("status", equalTo("PARKED"))
                    .body("lastStatusCode", equalTo(410)));
    given()
        .auth()
        .oauth2(partner.token())
        .get("/v1/webhooks")
        .then()
        .body("status", equalTo("DISABLED"))
        .body("disabledReason", equalTo("answered 410 Gone"));
    // Nothing more goes to a disabled endpoint; registering it again turns it back on.
    CallbackApi.publishResult(partner, ScanOutcome.EXTRACTED);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> receiver.received(path).size() == 1);
  }

  @Test
  void rotatedSecretSignsBesideTheNewOneDuringTheGracePeriod() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String path = "/rotate-" + UUID.randomUUID();
    String oldSecret =
        CallbackApi.registerSecret(partner, receiver.url(path, WebhookReceiver.Behaviour.ok()));
    String newSecret =
        given()
            .auth()
            .oauth2(partner.token())
            .post("/v1/webhooks/secret/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    CallbackApi.publishResult(partner, ScanOutcome.EXTRACTED);
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received(path).size() == 1);
    WebhookReceiver.Received request = receiver.received(path).get(0);
    String signature = request.header(WebhookSignature.HEADER);
    assertThat(signature.split(",")).hasSize(3);
    for (String secret : List.of(oldSecret, newSecret)) {
      assertThat(
              WebhookSignature.verify(
                  signature, request.body(), secret, Instant.now(), Duration.ofMinutes(5)))
          .isTrue();
    }
  }

  @Test
  void duplicateEventsAreDeliveredOnceAndRedeliveryResendsTheSameEventId() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String path = "/dup-" + UUID.randomUUID();
    CallbackApi.registerSecret(partner, receiver.url(path, WebhookReceiver.Behaviour.ok()));
    UUID eventId = CallbackApi.publishResult(partner, ScanOutcome.EXTRACTED);
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received(path).size() == 1);

    given()
        .auth()
        .oauth2(partner.token())
        .post("/v1/webhooks/deliveries/" + eventId + "/redeliver")
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING"));
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received(path).size() == 2);
    assertThat(receiver.received(path))
        .extracting(r -> r.header("KTP-Event-Id"))
        .containsOnly(eventId.toString());

    CallbackApi.Partner other = CallbackApi.newPartner();
    given()
        .auth()
        .oauth2(other.token())
        .post("/v1/webhooks/deliveries/" + eventId + "/redeliver")
        .then()
        .statusCode(404)
        .body("code", equalTo("DELIVERY_NOT_FOUND"));
    CallbackApi.delivery(other, eventId)
        .then()
        .statusCode(404)
        .body("code", equalTo("DELIVERY_NOT_FOUND"));
    CallbackApi.delivery(other, UUID.randomUUID()).then().statusCode(404);
    given()
        .auth()
        .oauth2(other.token())
        .get("/v1/webhooks/deliveries/not-a-uuid")
        .then()
        .statusCode(404);
    CallbackApi.deliveries(partner, "SOMETIMES")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_REQUEST"));
    CallbackApi.deliveries(other, null).then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void oneDeadEndpointDoesNotDelayAnotherPartner() {
    CallbackApi.Partner stuck = CallbackApi.newPartner();
    String deadPath = "/stuck-" + UUID.randomUUID();
    CallbackApi.registerSecret(stuck, receiver.url(deadPath, WebhookReceiver.Behaviour.hang()));
    for (int i = 0; i < 12; i++) {
      CallbackApi.publishResult(stuck, ScanOutcome.EXTRACTED);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(deadPath).size() >= 4);

    CallbackApi.Partner healthy = CallbackApi.newPartner();
    String okPath = "/healthy-" + UUID.randomUUID();
    CallbackApi.registerSecret(healthy, receiver.url(okPath, WebhookReceiver.Behaviour.ok()));
    long start = System.nanoTime();
    CallbackApi.publishResult(healthy, ScanOutcome.EXTRACTED);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(okPath).size() == 1);
    Duration lag = Duration.ofNanos(System.nanoTime() - start);
    // The stuck partner holds at most its own slots (8), each for the 1 s timeout; the healthy
    // partner must not wait for them.
    assertThat(lag).isLessThan(Duration.ofSeconds(3));
  }
}
