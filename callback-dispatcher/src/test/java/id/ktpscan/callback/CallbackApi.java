package id.ktpscan.callback;

import static io.restassured.RestAssured.given;

import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.testing.TestKafka;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives callback-dispatcher the way partners (HTTP) and ocr-worker (Kafka) do. */
final class CallbackApi {

  /** A partner with a token. */
  record Partner(String partnerId, String token) {}

  /** A synthetic NIK and name that must never leave in a webhook or a log. */
  static final String NIK = "3204054107950004";

  static final String NAME = "SITI NURHALIZA PUTRI";

  private CallbackApi() {}

  static Partner newPartner() {
    TokenGatewayProcess.Partner p =
        TokenGatewayProcess.createPartner("Webhook Partner " + UUID.randomUUID());
    return new Partner(p.partnerId(), TokenGatewayProcess.partnerToken(p));
  }

  static Response register(Partner partner, String url, List<String> events) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", url);
    if (events != null) {
      body.put("events", events);
    }
    return given()
        .auth()
        .oauth2(partner.token())
        .contentType(ContentType.JSON)
        .body(body)
        .put("/v1/webhooks");
  }

  static String registerSecret(Partner partner, String url) {
    return register(partner, url, null).then().statusCode(200).extract().path("secret");
  }

  /** Publishes a result for the partner as ocr-worker would; returns its event id. */
  static UUID publishResult(Partner partner, ScanOutcome outcome) {
    UUID eventId = UUID.randomUUID();
    UUID submission = UUID.randomUUID();
    PayloadCipher cipher = PayloadCipher.fromKeyRing(PayloadCipher.generateKeyRingEntry("t"));
    SubmissionProcessed event =
        new SubmissionProcessed(
            eventId,
            submission,
            UUID.randomUUID(),
            partner.partnerId(),
            "corr-" + eventId,
            1,
            outcome,
            outcome == ScanOutcome.RETRY_REQUIRED ? List.of(RetryReason.GLARE) : List.of(),
            outcome == ScanOutcome.EXTRACTED
                ? cipher.encrypt(
                    ("{\"nik\":\"" + NIK + "\",\"name\":\"" + NAME + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                    PayloadCipher.aadFor(submission))
                : null,
            Map.of(),
            Instant.now());
    TestKafka.publish(Topics.RESULTS, submission.toString(), event);
    return eventId;
  }

  static Response deliveries(Partner partner, String status) {
    return status == null
        ? given().auth().oauth2(partner.token()).get("/v1/webhooks/deliveries")
        : given()
            .auth()
            .oauth2(partner.token())
            .queryParam("status", status)
            .get("/v1/webhooks/deliveries");
  }

  static Response delivery(Partner partner, UUID eventId) {
    return given().auth().oauth2(partner.token()).get("/v1/webhooks/deliveries/" + eventId);
  }
}
