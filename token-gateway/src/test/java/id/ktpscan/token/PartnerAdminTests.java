package id.ktpscan.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API against the real PostgreSQL: partners, passkeys, and their guard. */
@QuarkusTest
class PartnerAdminTests {

  @Inject id.ktpscan.token.repository.PartnerRepository repository;

  @Test
  void createShowsThePasskeyOnceAndStoresOnlyASlowHash() {
    TokenGatewayApi.Credentials created = TokenGatewayApi.createPartner("Koperasi Sejahtera");
    assertThat(created.partnerId()).startsWith("prt_");
    assertThat(created.clientId()).startsWith("cli_");
    assertThat(created.passkey()).startsWith("pk_").hasSizeGreaterThan(40);

    Partner stored = repository.findById(created.partnerId());
    assertThat(stored.passkeyHash).startsWith("pbkdf2-sha256$").doesNotContain(created.passkey());

    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN)
        .get("/admin/v1/partners/" + created.partnerId())
        .then()
        .statusCode(200)
        .body("name", equalTo("Koperasi Sejahtera"))
        .body("status", equalTo("ACTIVE"))
        .body("passkey", nullValue())
        .body("passkeyHash", nullValue());
  }

  @Test
  void rotatedPasskeyReplacesTheOldOneAtOnce() {
    TokenGatewayApi.Credentials created = TokenGatewayApi.createPartner("Rotating Lender");
    TokenGatewayApi.partnerToken(created);

    String newPasskey =
        given()
            .auth()
            .oauth2(TokenGatewayApi.ADMIN)
            .post("/admin/v1/partners/" + created.partnerId() + "/passkey")
            .then()
            .statusCode(200)
            .body("clientId", equalTo(created.clientId()))
            .extract()
            .path("passkey");

    assertThat(newPasskey).isNotEqualTo(created.passkey());
    TokenGatewayApi.requestPartnerToken(created.clientId(), created.passkey())
        .then()
        .statusCode(401)
        .body("code", equalTo("INVALID_CLIENT"));
    TokenGatewayApi.requestPartnerToken(created.clientId(), newPasskey).then().statusCode(200);
  }

  @Test
  void disabledPartnerGetsNoTokensAndDisableIsIdempotent() {
    TokenGatewayApi.Credentials created = TokenGatewayApi.createPartner("Closing Telco");
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(TokenGatewayApi.ADMIN)
          .post("/admin/v1/partners/" + created.partnerId() + "/disable")
          .then()
          .statusCode(200)
          .body("status", equalTo("DISABLED"))
          .body("disabledAt", notNullValue());
    }
    TokenGatewayApi.requestPartnerToken(created.clientId(), created.passkey())
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("CLIENT_DISABLED"));
  }

  @Test
  void adminApiNeedsTheAdminCredential() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x"))
        .post("/admin/v1/partners")
        .then()
        .statusCode(401)
        .body("code", equalTo("ADMIN_UNAUTHORIZED"));
    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN + "x")
        .get("/admin/v1/partners/prt_x")
        .then()
        .statusCode(401)
        .body("code", equalTo("ADMIN_UNAUTHORIZED"));
    String partnerToken = TokenGatewayApi.partnerToken(TokenGatewayApi.createPartner("Sneaky"));
    given()
        .auth()
        .oauth2(partnerToken)
        .get("/admin/v1/partners/prt_x")
        .then()
        .statusCode(401)
        .body("code", equalTo("ADMIN_UNAUTHORIZED"));
  }

  @Test
  void badAdminInputGetsProblems() {
    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/admin/v1/partners")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_REQUEST"));
    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x".repeat(201)))
        .post("/admin/v1/partners")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_REQUEST"));
    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"name\": ")
        .post("/admin/v1/partners")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN)
        .post("/admin/v1/partners/prt_doesnotexist/disable")
        .then()
        .statusCode(404)
        .body("code", equalTo("PARTNER_NOT_FOUND"));
  }
}
