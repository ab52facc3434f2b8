package id.ktpscan.iab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.testing.TestImages;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import id.ktpscan.iab.service.RetentionJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retention erases the encrypted images after publication and the results after their period. */
@QuarkusTest
@TestProfile(RetentionTests.ShortRetention.class)
class RetentionTests {

  /** Periods of zero, so one pass purges everything eligible. */
  public static class ShortRetention implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ktp.iab.retention.images", "PT0S",
          "ktp.iab.retention.results", "PT0S",
          "ktp.iab.retention.interval", "PT1H");
    }
  }

  @Inject RetentionJob retention;
  @Inject TokenVerifier verifier;
  @Inject EntityManager em;

  @Test
  void imagesAndResultsArePurged() {
    String partnerToken = TokenGatewayProcess.newPartnerToken();
    String partnerId = verifier.verify(partnerToken, TokenKind.PARTNER).partnerId();
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    String submissionId =
        IabApi.submit(flow.userToken(), TestImages.jpeg(1280, 800, 8), "card.jpg")
            .then()
            .statusCode(202)
            .extract()
            .path("submissionId");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> outboxRows(submissionId, "sent_at IS NOT NULL") == 1);
    IabApi.publishResult(
        flow.flowId(),
        partnerId,
        flow.correlationId(),
        submissionId,
        1,
        ScanOutcome.EXTRACTED,
        List.of());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> IabApi.status(flow).then().body("status", equalTo("COMPLETED")));
    IabApi.details(partnerToken, flow.correlationId())
        .then()
        .body("result.fields.nik.value", equalTo(IabApi.NIK));

    RetentionJob.Purged purged = retention.purge();
    assertThat(purged.images()).isGreaterThanOrEqualTo(1);
    assertThat(purged.results()).isGreaterThanOrEqualTo(1);
    assertThat(outboxRows(submissionId, "TRUE")).isZero();
    IabApi.details(partnerToken, flow.correlationId())
        .then()
        .statusCode(200)
        .body("result", nullValue())
        .body("resultPurged", equalTo(true))
        .body("status", equalTo("COMPLETED"));
  }

  private long outboxRows(String submissionId, String condition) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND "
                                    + condition)
                            .setParameter(1, UUID.fromString(submissionId))
                            .getSingleResult())
                    .longValue());
  }
}
