package id.ktpscan.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** The client-credentials exchange, checked with an independent JWT library against the JWKS. */
@QuarkusTest
class PartnerTokenTests {

  @Test
  void issuedTokenVerifiesWithJose4jAgainstThePublishedJwks() throws Exception {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Fintech Satu");
    Response response = TokenGatewayApi.requestPartnerToken(partner.clientId(), partner.passkey());
    response
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("token_type", equalTo("Bearer"))
        .body("expires_in", equalTo(3600))
        .body("scope", equalTo("ktp-scan:partner"));

    JwtClaims claims =
        independentConsumer("ktp-scan-api").processToClaims(response.path("access_token"));
    assertThat(claims.getSubject()).isEqualTo(partner.partnerId());
    assertThat(claims.getIssuer()).isEqualTo("urn:ktp-scan:token-gateway");
    assertThat(claims.getStringClaimValue("scope")).isEqualTo("ktp-scan:partner");
    assertThat(claims.getStringClaimValue("token_use")).isEqualTo("partner");
    assertThat(claims.getJwtId()).isNotBlank();
    assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
        .isEqualTo(3600);
  }

  @Test
  void userTokenIsBoundToItsFlowAndVerifiesIndependently() throws Exception {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Fintech Dua");
    String flowId = UUID.randomUUID().toString();
    String token = TokenGatewayApi.userToken(partner.partnerId(), flowId, "order-42");

    JwtClaims claims = independentConsumer("ktp-scan-capture").processToClaims(token);
    assertThat(claims.getSubject()).isEqualTo("flow:" + flowId);
    assertThat(claims.getStringClaimValue("partner_id")).isEqualTo(partner.partnerId());
    assertThat(claims.getStringClaimValue("flow_id")).isEqualTo(flowId);
    assertThat(claims.getStringClaimValue("correlation_id")).isEqualTo("order-42");
    assertThat(claims.getStringClaimValue("scope")).isEqualTo("ktp-scan:submit");
    assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
        .isEqualTo(900);
  }

  @Test
  void formGrantWithSecretInBodyOrInBasicAuth() {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Form Partner");
    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", partner.clientId())
        .formParam("client_secret", partner.passkey())
        .post("/v1/partner/token")
        .then()
        .statusCode(200)
        .body("token_type", equalTo("Bearer"));
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (partner.clientId() + ":" + partner.passkey()).getBytes(StandardCharsets.UTF_8));
    given()
        .contentType(ContentType.URLENC)
        .header("Authorization", "Basic " + basic)
        .formParam("grant_type", "client_credentials")
        .post("/v1/partner/token")
        .then()
        .statusCode(200)
        .body("access_token", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void unknownClientAndWrongPasskeyGetTheSameAnswerInAboutTheSameTime() {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Timing Partner");
    List<Long> wrong = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    String wrongBody = null;
    String unknownBody = null;
    for (int i = 0; i < 7; i++) {
      long start = System.nanoTime();
      Response w = TokenGatewayApi.requestPartnerToken(partner.clientId(), "pk_wrong" + i);
      wrong.add(System.nanoTime() - start);
      start = System.nanoTime();
      Response u =
          TokenGatewayApi.requestPartnerToken(
              "cli_" + UUID.randomUUID().toString().replace("-", ""), "pk_wrong" + i);
      unknown.add(System.nanoTime() - start);
      assertThat(w.statusCode()).isEqualTo(401);
      assertThat(u.statusCode()).isEqualTo(401);
      wrongBody = w.asString();
      unknownBody = u.asString();
    }
    assertThat(unknownBody).isEqualTo(wrongBody).contains("\"code\":\"INVALID_CLIENT\"");
    // The leak to prevent is an unknown client answering fast: both must pay for a slow hash.
    assertThat(median(unknown)).isGreaterThan(median(wrong) / 2);
  }

  @Test
  void badInputGetsProblemJsonNever500() {
    assertProblem(
        given().contentType(ContentType.JSON).body("{\"client_id\": "), 400, "MALFORMED_JSON");
    assertProblem(given().contentType(ContentType.JSON).body("[1,2]"), 400, "INVALID_FIELD");
    assertProblem(given().contentType(ContentType.JSON).body("{}"), 400, "INVALID_REQUEST");
    assertProblem(given().contentType(ContentType.JSON).body(""), 400, "INVALID_REQUEST");
    assertProblem(
        given().contentType(ContentType.JSON).body(Map.of("client_id", "cli_x")),
        400,
        "INVALID_REQUEST");
    assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("client_id", "c".repeat(65), "passkey", "p")),
        400,
        "INVALID_REQUEST");
    assertProblem(
        given().contentType(ContentType.URLENC).formParam("client_id", "cli_x"),
        400,
        "INVALID_REQUEST");
    assertProblem(
        given()
            .contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("client_id", "cli_x"),
        400,
        "UNSUPPORTED_GRANT_TYPE");
    assertProblem(
        given().contentType(ContentType.TEXT).body("client_id=x"), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        given().contentType(ContentType.XML).body("<client_id>x</client_id>"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        given()
            .contentType(ContentType.JSON)
            .body("{\"client_id\":\"" + "x".repeat(40_000) + "\"}"),
        413,
        "PAYLOAD_TOO_LARGE");
    given()
        .get("/v1/partner/token")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("code", equalTo("METHOD_NOT_ALLOWED"));
    given()
        .get("/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void overlongPasskeyIsJustAWrongCredential() {
    TokenGatewayApi.requestPartnerToken("cli_someone", "p".repeat(5000))
        .then()
        .statusCode(401)
        .body("code", equalTo("INVALID_CLIENT"));
  }

  @Test
  void jwksPublishesOnlyPublicRs256Keys() {
    given()
        .get("/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .body("keys.size()", greaterThan(0))
        .body("keys[0].kty", equalTo("RSA"))
        .body("keys[0].alg", equalTo("RS256"))
        .body("keys[0].use", equalTo("sig"))
        .body("keys[0].n", org.hamcrest.Matchers.notNullValue())
        .body("keys[0].d", org.hamcrest.Matchers.nullValue());
  }

  static JwtConsumer independentConsumer(String audience) throws Exception {
    JsonWebKeySet jwks = new JsonWebKeySet(given().get("/.well-known/jwks.json").asString());
    return new JwtConsumerBuilder()
        .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setExpectedIssuer("urn:ktp-scan:token-gateway")
        .setExpectedAudience(audience)
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setRequireJwtId()
        .build();
  }

  private static void assertProblem(
      io.restassured.specification.RequestSpecification request, int status, String code) {
    request
        .post("/v1/partner/token")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("code", equalTo(code));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
