package id.ktpscan.iab;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.auth.VerifiedToken;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting flows with a partner token; the user token comes from the real token-gateway. */
@QuarkusTest
class FlowApiTests {

  @Inject TokenVerifier verifier;

  private String partnerToken;

  @BeforeEach
  void partner() {
    partnerToken = TokenGatewayProcess.newPartnerToken();
  }

  @Test
  void startFlowReturnsAUserTokenBoundToTheFlow() {
    String correlationId = "loan-" + UUID.randomUUID();
    Response response =
        IabApi.startFlowRequest(partnerToken, IabApi.flowBody(correlationId, "user-1"));
    response
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("correlationId", equalTo(correlationId))
        .body("maxAttempts", equalTo(3))
        .body("attemptsLeft", equalTo(3))
        .body("expiresIn", equalTo(900));
    VerifiedToken user = verifier.verify(response.path("userToken"), TokenKind.USER);
    assertThat(user.flowId()).isEqualTo(response.path("flowId"));
    assertThat(user.correlationId()).isEqualTo(correlationId);
    assertThat(user.scopes()).containsExactly("ktp-scan:submit");
  }

  @Test
  void sameUserAndCorrelationIdGetsTheSameFlowAgain() {
    String correlationId = "retry-" + UUID.randomUUID();
    String first =
        IabApi.startFlowRequest(partnerToken, IabApi.flowBody(correlationId, "user-2"))
            .then()
            .statusCode(201)
            .extract()
            .path("flowId");
    IabApi.startFlowRequest(partnerToken, IabApi.flowBody(correlationId, "user-2"))
        .then()
        .statusCode(200)
        .body("flowId", equalTo(first));
  }

  @Test
  void correlationIdOfAnotherUserIsAConflict() {
    String correlationId = "taken-" + UUID.randomUUID();
    IabApi.startFlowRequest(partnerToken, IabApi.flowBody(correlationId, "user-a"))
        .then()
        .statusCode(201);
    IabApi.startFlowRequest(partnerToken, IabApi.flowBody(correlationId, "user-b"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("CORRELATION_ID_CONFLICT"));
    // The same correlation id is free for another partner.
    IabApi.startFlowRequest(
            TokenGatewayProcess.newPartnerToken(), IabApi.flowBody(correlationId, "user-b"))
        .then()
        .statusCode(201);
  }

  @Test
  void invalidRequestsGetProblems() {
    String corr = "bad-" + UUID.randomUUID();
    expectInvalid(
        Map.of("partnerUserIdType", "PHONE", "flowType", "KTP_SCAN", "correlationId", corr),
        "partnerUserId");
    expectInvalid(
        Map.of(
            "partnerUserId",
            "u",
            "partnerUserIdType",
            "phone number",
            "flowType",
            "KTP_SCAN",
            "correlationId",
            corr),
        "partnerUserIdType");
    expectInvalid(
        Map.of(
            "partnerUserId",
            "u",
            "partnerUserIdType",
            "PHONE",
            "flowType",
            "SELFIE",
            "correlationId",
            corr),
        "flowType");
    expectInvalid(
        Map.of(
            "partnerUserId",
            "u",
            "partnerUserIdType",
            "PHONE",
            "flowType",
            "KTP_SCAN",
            "correlationId",
            "has space"),
        "correlationId");
    expectInvalid(
        Map.of(
            "partnerUserId",
            "u",
            "partnerUserIdType",
            "PHONE",
            "flowType",
            "KTP_SCAN",
            "correlationId",
            corr,
            "maxAttempts",
            0),
        "maxAttempts");
    expectInvalid(
        Map.of(
            "partnerUserId",
            "u",
            "partnerUserIdType",
            "PHONE",
            "flowType",
            "KTP_SCAN",
            "correlationId",
            corr,
            "maxAttempts",
            99),
        "maxAttempts");
    expectInvalid(
        Map.of(
            "partnerUserId",
            "u".repeat(129),
            "partnerUserIdType",
            "PHONE",
            "flowType",
            "KTP_SCAN",
            "correlationId",
            corr),
        "partnerUserId");
    given()
        .auth()
        .oauth2(partnerToken)
        .contentType(ContentType.JSON)
        .body("{\"partnerUserId\":")
        .post("/v1/flows")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
    given()
        .auth()
        .oauth2(partnerToken)
        .contentType(ContentType.JSON)
        .body("{\"maxAttempts\":\"three\"}")
        .post("/v1/flows")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_FIELD"));
    given()
        .auth()
        .oauth2(partnerToken)
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/v1/flows")
        .then()
        .statusCode(415)
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
  }

  @Test
  void onlyPartnerTokensMayStartFlows() {
    IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
    IabApi.startFlowRequest(flow.userToken(), IabApi.flowBody("x-" + UUID.randomUUID(), "u"))
        .then()
        .statusCode(401)
        .body("code", equalTo("WRONG_TOKEN_TYPE"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v1/flows")
        .then()
        .statusCode(401)
        .body("code", equalTo("TOKEN_MISSING"));
    given()
        .auth()
        .oauth2("garbage")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v1/flows")
        .then()
        .statusCode(401)
        .body("code", equalTo("INVALID_TOKEN"));
  }

  private void expectInvalid(Map<String, Object> body, String field) {
    IabApi.startFlowRequest(partnerToken, body)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("INVALID_REQUEST"))
        .body("detail", org.hamcrest.Matchers.containsString("'" + field + "'"));
  }
}
