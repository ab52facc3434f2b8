package id.ktpscan.iab;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.testing.TestImages;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status → next-action table, driven by real {@code SubmissionProcessed} events on Kafka, and
 * the partner's details view with its tenant isolation.
 */
@QuarkusTest
class StatusAndResultsTests {

  private static final byte[] JPEG = TestImages.jpeg(1280, 800, 7);

  @Inject TokenVerifier verifier;

  private String partnerToken;
  private String partnerId;

  @BeforeEach
  void partner() {
    partnerToken = TokenGatewayProcess.newPartnerToken();
    partnerId = verifier.verify(partnerToken, TokenKind.PARTNER).partnerId();
  }

  @Test
  void retryThenExtractedEndsTheFlowWithFieldsForThePartner() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    String first = submit(flow, 1);
    IabApi.publishResult(
        flow.flowId(),
        partnerId,
        flow.correlationId(),
        first,
        1,
        ScanOutcome.RETRY_REQUIRED,
        List.of(RetryReason.GLARE, RetryReason.BLURRY));
    awaitStatus(flow, "RETRY_REQUIRED");
    IabApi.status(flow)
        .then()
        .body("nextAction", equalTo("RETRY"))
        .body("reasons", contains("GLARE", "BLURRY"))
        .body("attempt", equalTo(1))
        .body("attemptsLeft", equalTo(2))
        .body("pollAfterMs", nullValue());

    String second = submit(flow, 2);
    IabApi.publishResult(
        flow.flowId(),
        partnerId,
        flow.correlationId(),
        second,
        2,
        ScanOutcome.EXTRACTED,
        List.of());
    awaitStatus(flow, "COMPLETED");
    IabApi.status(flow).then().body("nextAction", equalTo("EXIT")).body("reasons", hasSize(0));

    IabApi.details(partnerToken, flow.correlationId())
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("flowStatus", equalTo("COMPLETED"))
        .body("status", equalTo("COMPLETED"))
        .body("attemptsUsed", equalTo(2))
        .body("attempts", hasSize(2))
        .body("attempts[0].status", equalTo("RETRY_REQUIRED"))
        .body("attempts[0].reasons", contains("GLARE", "BLURRY"))
        .body("attempts[1].imageWidth", equalTo(1280))
        .body("result.fields.nik.value", equalTo(IabApi.NIK))
        .body("result.fields.nik.confidence", equalTo(0.99f))
        .body("result.fields.name.value", equalTo(IabApi.NAME))
        .body("result.fields.birthDate.value", equalTo("1995-07-01"))
        .body("result.checks.nikBirthDate", equalTo("PASS"))
        .body("partnerUserIdType", equalTo("INTERNAL_ID"));

    // A finished flow takes no more photos, and a new flow may not reuse its correlation id.
    IabApi.submit(flow.userToken(), JPEG, "card.jpg")
        .then()
        .statusCode(409)
        .body("code", equalTo("FLOW_CLOSED"))
        .body("nextAction", equalTo("EXIT"));
  }

  @Test
  void lastAttemptNeedingARetryExhaustsTheFlow() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 1);
    String only = submit(flow, 1);
    IabApi.publishResult(
        flow.flowId(),
        partnerId,
        flow.correlationId(),
        only,
        1,
        ScanOutcome.RETRY_REQUIRED,
        List.of(RetryReason.TOO_DARK));
    awaitStatus(flow, "RETRY_REQUIRED");
    IabApi.status(flow).then().body("nextAction", equalTo("EXIT")).body("attemptsLeft", equalTo(0));
    IabApi.submit(flow.userToken(), JPEG, "card.jpg")
        .then()
        .statusCode(409)
        .body("code", equalTo("ATTEMPTS_EXHAUSTED"))
        .body("nextAction", equalTo("EXIT"));
    IabApi.details(partnerToken, flow.correlationId())
        .then()
        .body("flowStatus", equalTo("EXHAUSTED"));
  }

  @Test
  void failedSubmissionEndsTheFlow() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    String only = submit(flow, 1);
    IabApi.publishResult(
        flow.flowId(), partnerId, flow.correlationId(), only, 1, ScanOutcome.FAILED, List.of());
    awaitStatus(flow, "FAILED");
    IabApi.status(flow).then().body("nextAction", equalTo("EXIT"));
  }

  @Test
  void duplicateAndLateResultsAreIgnored() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    String only = submit(flow, 1);
    IabApi.publishResult(
        flow.flowId(), partnerId, flow.correlationId(), only, 1, ScanOutcome.EXTRACTED, List.of());
    awaitStatus(flow, "COMPLETED");
    IabApi.publishResult(
        flow.flowId(),
        partnerId,
        flow.correlationId(),
        only,
        1,
        ScanOutcome.RETRY_REQUIRED,
        List.of(RetryReason.GLARE));
    // A result for a submission nobody knows is ignored as well (and must not block the consumer).
    IabApi.publishResult(
        UUID.randomUUID().toString(),
        partnerId,
        "nobody",
        UUID.randomUUID().toString(),
        1,
        ScanOutcome.EXTRACTED,
        List.of());
    IabApi.StartedFlow later = IabApi.startFlow(partnerToken, 3);
    String next = submit(later, 1);
    IabApi.publishResult(
        later.flowId(),
        partnerId,
        later.correlationId(),
        next,
        1,
        ScanOutcome.EXTRACTED,
        List.of());
    awaitStatus(later, "COMPLETED");
    IabApi.status(flow).then().body("status", equalTo("COMPLETED"));
  }

  @Test
  void anotherPartnersCorrelationIdIsNotFound() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    submit(flow, 1);
    IabApi.details(TokenGatewayProcess.newPartnerToken(), flow.correlationId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("SUBMISSION_NOT_FOUND"));
    IabApi.details(partnerToken, "never-used-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("code", equalTo("SUBMISSION_NOT_FOUND"));
    IabApi.details(partnerToken, flow.correlationId())
        .then()
        .statusCode(200)
        .body("result", nullValue());
  }

  private static String submit(IabApi.StartedFlow flow, int attempt) {
    return IabApi.submit(flow.userToken(), JPEG, "card.jpg")
        .then()
        .statusCode(202)
        .body("attempt", equalTo(attempt))
        .extract()
        .path("submissionId");
  }

  private static void awaitStatus(IabApi.StartedFlow flow, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> IabApi.status(flow).then().statusCode(200).body("status", equalTo(status)));
  }
}
