package id.ktpscan.iab;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.testing.TestImages;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photo submissions: acceptance, publication through the outbox, idempotency, refusals. */
@QuarkusTest
class SubmissionApiTests {

  private static final byte[] JPEG = TestImages.jpeg(1280, 800, 1);

  private String partnerToken;

  @BeforeEach
  void partner() {
    partnerToken = TokenGatewayProcess.newPartnerToken();
  }

  @Test
  void acceptedPhotoIsPublishedOnceWithTheImageEncrypted() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    IabApi.SubmissionsTail tail = new IabApi.SubmissionsTail(IabApi.bootstrap());
    Response response = IabApi.submit(flow.userToken(), JPEG, "card.jpg");
    response
        .then()
        .statusCode(202)
        .body("submissionId", notNullValue())
        .body("correlationId", equalTo(flow.correlationId()))
        .body("attempt", equalTo(1))
        .body("status", equalTo("PROCESSING"))
        .body("nextAction", equalTo("STATUS"))
        .body("pollAfterMs", equalTo(1000));
    UUID submissionId = UUID.fromString(response.path("submissionId"));

    Map<UUID, List<SubmissionCreated>> published;
    try (tail) {
      published = tail.await(Set.of(submissionId), Duration.ofSeconds(30));
    }
    assertThat(published.get(submissionId)).hasSize(1);
    SubmissionCreated event = published.get(submissionId).get(0);
    assertThat(event.flowId().toString()).isEqualTo(flow.flowId());
    assertThat(event.correlationId()).isEqualTo(flow.correlationId());
    assertThat(event.imageContentType()).isEqualTo("image/jpeg");
    assertThat(IabApi.eventCipher().decrypt(event.image(), PayloadCipher.aadFor(submissionId)))
        .isEqualTo(JPEG);

    IabApi.status(flow)
        .then()
        .statusCode(200)
        .body("status", equalTo("PROCESSING"))
        .body("nextAction", equalTo("STATUS"))
        .body("attempt", equalTo(1))
        .body("attemptsLeft", equalTo(2))
        .body("pollAfterMs", equalTo(1000));
  }

  @Test
  void pngAndRawBodiesAreAcceptedToo() {
    IabApi.StartedFlow png = IabApi.startFlow(partnerToken, 3);
    IabApi.submit(png.userToken(), TestImages.png(900, 600, 2), "card.png").then().statusCode(202);
    IabApi.StartedFlow raw = IabApi.startFlow(partnerToken, 3);
    given()
        .auth()
        .oauth2(raw.userToken())
        .contentType("image/jpeg")
        .body(JPEG)
        .post("/v1/ktp-scan/submissions")
        .then()
        .statusCode(202)
        .body("attempt", equalTo(1));
  }

  @Test
  void replayWithTheSameIdempotencyKeyGetsTheSameAnswer() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    Response first = submitWithKey(flow, JPEG, "key-1");
    first.then().statusCode(202);
    Response replay = submitWithKey(flow, JPEG, "key-1");
    replay.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertThat(replay.asString()).isEqualTo(first.asString());
    // No second attempt was used.
    IabApi.status(flow).then().body("attempt", equalTo(1)).body("attemptsLeft", equalTo(2));

    submitWithKey(flow, TestImages.jpeg(1280, 800, 99), "key-1")
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    submitWithKey(flow, JPEG, "bad key with spaces")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
  }

  @Test
  void secondPhotoWhileTheFirstIsProcessingIsRefused() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    IabApi.submit(flow.userToken(), JPEG, "card.jpg").then().statusCode(202);
    IabApi.submit(flow.userToken(), JPEG, "card.jpg")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("SUBMISSION_IN_PROGRESS"))
        .body("nextAction", equalTo("STATUS"));
  }

  @Test
  void tokensMustMatchTheirRole() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    IabApi.submit(partnerToken, JPEG, "card.jpg")
        .then()
        .statusCode(401)
        .body("code", equalTo("WRONG_TOKEN_TYPE"));
    given()
        .auth()
        .oauth2(flow.userToken())
        .multiPart("image", "card.jpg", JPEG, "image/jpeg")
        .multiPart("correlationId", "someone-else")
        .post("/v1/ktp-scan/submissions")
        .then()
        .statusCode(403)
        .body("code", equalTo("CORRELATION_ID_MISMATCH"));
    given()
        .auth()
        .oauth2(flow.userToken())
        .get("/v1/ktp-scan/submissions/someone-else/status")
        .then()
        .statusCode(403)
        .body("code", equalTo("CORRELATION_ID_MISMATCH"));
    IabApi.details(flow.userToken(), flow.correlationId())
        .then()
        .statusCode(401)
        .body("code", equalTo("WRONG_TOKEN_TYPE"));
    IabApi.status(flow).then().statusCode(404).body("code", equalTo("NO_SUBMISSION"));
  }

  @Test
  void imageProblemsAreRefusedBeforeAnythingIsStored() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    expectImageProblem(flow, new byte[0], "a.jpg", 400, "IMAGE_EMPTY");
    expectImageProblem(flow, "GIF89a........".getBytes(), "a.gif", 415, "UNSUPPORTED_IMAGE_TYPE");
    expectImageProblem(
        flow, java.util.Arrays.copyOf(JPEG, JPEG.length / 2), "a.jpg", 422, "IMAGE_CORRUPT");
    expectImageProblem(flow, TestImages.jpeg(200, 120, 3), "a.jpg", 422, "IMAGE_TOO_SMALL");
    expectImageProblem(
        flow, UploadFuzz.pngHeaderOnly(30000, 30000), "a.png", 422, "IMAGE_TOO_MANY_PIXELS");
    expectImageProblem(flow, new byte[8 * 1024 * 1024 + 1], "a.jpg", 413, "IMAGE_TOO_LARGE");
    given()
        .auth()
        .oauth2(flow.userToken())
        .multiPart("photo", "a.jpg", JPEG, "image/jpeg")
        .post("/v1/ktp-scan/submissions")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_REQUEST"));
    given()
        .auth()
        .oauth2(flow.userToken())
        .multiPart("image", "a.jpg", JPEG, "image/jpeg")
        .multiPart("image", "b.jpg", JPEG, "image/jpeg")
        .post("/v1/ktp-scan/submissions")
        .then()
        .statusCode(400)
        .body("code", equalTo("MULTIPLE_IMAGES"));
    // None of the refusals used an attempt.
    IabApi.submit(flow.userToken(), JPEG, "card.jpg")
        .then()
        .statusCode(202)
        .body("attempt", equalTo(1));
  }

  private static Response submitWithKey(IabApi.StartedFlow flow, byte[] image, String key) {
    return given()
        .auth()
        .oauth2(flow.userToken())
        .header("Idempotency-Key", key)
        .multiPart("image", "card.jpg", image, "image/jpeg")
        .post("/v1/ktp-scan/submissions");
  }

  private static void expectImageProblem(
      IabApi.StartedFlow flow, byte[] image, String name, int status, String code) {
    IabApi.submit(flow.userToken(), image, name)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("code", equalTo(code));
  }
}
