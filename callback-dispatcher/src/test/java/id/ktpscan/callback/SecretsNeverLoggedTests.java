package id.ktpscan.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A delivery with every logger at TRACE, from an event whose (encrypted) result holds a NIK and a
 * name: neither they, nor the signing secret, nor the partner token appear in the log.
 */
@QuarkusTest
@TestProfile(SecretsNeverLoggedTests.TraceEverything.class)
class SecretsNeverLoggedTests {

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
  void noPersonalDataOrSecretsInTheLog() {
    List<String> log;
    String secret;
    CallbackApi.Partner partner;
    try (LogCapture capture = new LogCapture()) {
      partner = CallbackApi.newPartner();
      String path = "/log-" + UUID.randomUUID();
      secret =
          CallbackApi.registerSecret(
              partner, receiver.url(path, WebhookReceiver.Behaviour.failThenOk(1)));
      UUID eventId = CallbackApi.publishResult(partner, ScanOutcome.EXTRACTED);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  CallbackApi.delivery(partner, eventId)
                      .then()
                      .body("status", equalTo("DELIVERED")));
      log = capture.lines();
    }
    assertThat(log)
        .as("the capture saw the service's own lines")
        .anyMatch(l -> l.contains("webhook endpoint"));
    String all = String.join("\n", log);
    for (String secretText : List.of(CallbackApi.NIK, CallbackApi.NAME, secret, partner.token())) {
      assertThat(all).doesNotContain(secretText);
    }
  }
}
