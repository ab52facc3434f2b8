package id.ktpscan.iab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.testing.LogCapture;
import id.ktpscan.contracts.testing.TestImages;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs a whole flow with every logger at TRACE — start, upload, a bad upload, the result with a NIK
 * and a name, the partner's details — and searches the captured log for the personal data and the
 * tokens that passed through.
 */
@QuarkusTest
@TestProfile(PersonalDataNeverLoggedTests.TraceEverything.class)
class PersonalDataNeverLoggedTests {

  /** Every logger at TRACE; the console stays at INFO so the build log stays readable. */
  public static class TraceEverything implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.log.min-level", "TRACE",
          "quarkus.log.level", "TRACE",
          "quarkus.log.console.level", "INFO");
    }
  }

  @Inject TokenVerifier verifier;

  @Test
  void imagesNiksNamesAndTokensNeverReachTheLog() {
    byte[] jpeg = TestImages.jpeg(1280, 800, 21);
    String partnerUserId = "budi.santoso@example.test";
    List<String> log;
    String partnerToken;
    String userToken;
    try (LogCapture capture = new LogCapture()) {
      partnerToken = TokenGatewayProcess.newPartnerToken();
      String partnerId = verifier.verify(partnerToken, TokenKind.PARTNER).partnerId();
      String correlationId = "log-" + System.nanoTime();
      Map<String, Object> body = IabApi.flowBody(correlationId, partnerUserId);
      userToken =
          IabApi.startFlowRequest(partnerToken, body)
              .then()
              .statusCode(201)
              .extract()
              .path("userToken");
      String flowId = verifier.verify(userToken, TokenKind.USER).flowId();
      IabApi.StartedFlow flow = new IabApi.StartedFlow(flowId, correlationId, userToken);
      IabApi.submit(userToken, java.util.Arrays.copyOf(jpeg, 999), "bad.jpg")
          .then()
          .statusCode(422);
      String submissionId =
          IabApi.submit(userToken, jpeg, "card.jpg")
              .then()
              .statusCode(202)
              .extract()
              .path("submissionId");
      IabApi.publishResult(
          flowId, partnerId, correlationId, submissionId, 1, ScanOutcome.EXTRACTED, List.of());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> IabApi.status(flow).then().body("status", equalTo("COMPLETED")));
      IabApi.details(partnerToken, correlationId)
          .then()
          .body("result.fields.nik.value", equalTo(IabApi.NIK));
      log = capture.lines();
    }

    assertThat(log)
        .as("the capture saw the service's own lines")
        .anyMatch(l -> l.contains("accepted submission"));
    String all = String.join("\n", log);
    String imageBase64 =
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(jpeg, 600, 660));
    for (String secret :
        List.of(
            IabApi.NIK,
            IabApi.NAME,
            partnerUserId,
            partnerToken,
            userToken,
            imageBase64,
            "SITI NURHALIZA")) {
      assertThat(all).doesNotContain(secret);
    }
  }
}
