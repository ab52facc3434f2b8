package id.ktpscan.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registering endpoints, secrets shown once, rotation, and URL and input refusals. */
@QuarkusTest
class WebhookApiTests {

  @Test
  void registerShowsTheSecretOnceAndReadHidesIt() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String secret =
        CallbackApi.register(partner, "http://127.0.0.1:9/hooks", null)
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("status", equalTo("ACTIVE"))
            .body("events", containsInAnyOrder("KTP_SCAN_COMPLETED", "KTP_SCAN_RETRY_REQUIRED"))
            .extract()
            .path("secret");
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
    given()
        .auth()
        .oauth2(partner.token())
        .get("/v1/webhooks")
        .then()
        .statusCode(200)
        .body("url", equalTo("http://127.0.0.1:9/hooks"))
        .body("secret", nullValue())
        .body("previousSecretValidUntil", nullValue());
  }

  @Test
  void replacingOrRotatingKeepsThePreviousSecretForTheGracePeriod() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String first = CallbackApi.registerSecret(partner, "http://127.0.0.1:9/a");
    String second =
        CallbackApi.register(partner, "http://127.0.0.1:9/b", List.of("KTP_SCAN_COMPLETED"))
            .then()
            .statusCode(200)
            .body("url", equalTo("http://127.0.0.1:9/b"))
            .body("events", containsInAnyOrder("KTP_SCAN_COMPLETED"))
            .body("previousSecretValidUntil", notNullValue())
            .extract()
            .path("secret");
    String third =
        given()
            .auth()
            .oauth2(partner.token())
            .post("/v1/webhooks/secret/rotate")
            .then()
            .statusCode(200)
            .body("previousSecretValidUntil", notNullValue())
            .extract()
            .path("secret");
    assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
  }

  @Test
  void unsafeOrMalformedUrlsAreRefused() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    for (String url :
        List.of(
            "not a url",
            "ftp://example.com/hook",
            "http://user:pass@127.0.0.1/hook",
            "http://10.1.2.3/hook",
            "http://192.168.1.10/hook",
            "http://172.16.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[fd00:ec2::254]/",
            "http://100.64.0.1/hook",
            "http://0.0.0.0/hook",
            "http://does-not-exist.invalid/hook",
            "http:///nohost")) {
      CallbackApi.register(partner, url, null)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("INVALID_WEBHOOK_URL"));
    }
    CallbackApi.register(partner, null, null)
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_REQUEST"));
    CallbackApi.register(partner, "http://127.0.0.1:9/x", List.of("EVERYTHING"))
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_REQUEST"))
        .body("detail", containsString("events"));
    given()
        .auth()
        .oauth2(partner.token())
        .contentType(ContentType.JSON)
        .body("{\"url\": ")
        .put("/v1/webhooks")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void readingOrRotatingWithoutAnEndpointIsNotFound() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    given()
        .auth()
        .oauth2(partner.token())
        .get("/v1/webhooks")
        .then()
        .statusCode(404)
        .body("code", equalTo("WEBHOOK_NOT_FOUND"));
    given()
        .auth()
        .oauth2(partner.token())
        .post("/v1/webhooks/secret/rotate")
        .then()
        .statusCode(404)
        .body("code", equalTo("WEBHOOK_NOT_FOUND"));
  }

  @Test
  void onlyPartnerTokens() {
    CallbackApi.Partner partner = CallbackApi.newPartner();
    String userToken =
        TokenGatewayProcess.userToken(partner.partnerId(), UUID.randomUUID().toString(), "c-1");
    given()
        .auth()
        .oauth2(userToken)
        .get("/v1/webhooks")
        .then()
        .statusCode(401)
        .body("code", equalTo("WRONG_TOKEN_TYPE"));
    given().get("/v1/webhooks").then().statusCode(401).body("code", equalTo("TOKEN_MISSING"));
  }
}
