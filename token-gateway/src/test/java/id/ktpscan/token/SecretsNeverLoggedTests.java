package id.ktpscan.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs every passkey and token path with all loggers at TRACE and searches the captured log. */
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

  @Test
  void passkeysAndTokensNeverReachTheLog() {
    List<String> log;
    String passkey;
    String rotatedPasskey;
    String token;
    String userToken;
    try (LogCapture capture = new LogCapture()) {
      TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Logged Partner");
      passkey = partner.passkey();
      token = TokenGatewayApi.partnerToken(partner);
      TokenGatewayApi.requestPartnerToken(partner.clientId(), passkey + "x").then().statusCode(401);
      given()
          .contentType(ContentType.URLENC)
          .formParam("grant_type", "client_credentials")
          .formParam("client_id", partner.clientId())
          .formParam("client_secret", passkey)
          .post("/v1/partner/token")
          .then()
          .statusCode(200);
      given()
          .contentType(ContentType.JSON)
          .body("{\"passkey\":\"" + passkey + "\", bad")
          .post("/v1/partner/token");
      rotatedPasskey =
          given()
              .auth()
              .oauth2(TokenGatewayApi.ADMIN)
              .post("/admin/v1/partners/" + partner.partnerId() + "/passkey")
              .then()
              .statusCode(200)
              .extract()
              .path("passkey");
      TokenGatewayApi.requestPartnerToken(partner.clientId(), rotatedPasskey)
          .then()
          .statusCode(200);
      userToken =
          TokenGatewayApi.userToken(partner.partnerId(), UUID.randomUUID().toString(), "log-1");
      TokenGatewayApi.whoAmI(token).then().statusCode(200);
      TokenGatewayApi.whoAmI(userToken).then().statusCode(401);
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(Map.of("token", token))
          .post("/v1/tokens/revoke")
          .then()
          .statusCode(200);
      TokenGatewayApi.whoAmI(token).then().statusCode(401);
      log = capture.lines();
    }

    assertThat(log)
        .as("the capture saw the application's own log lines")
        .anyMatch(l -> l.contains("created partner"));
    String all = String.join("\n", log);
    for (String secret :
        List.of(
            passkey,
            rotatedPasskey,
            token,
            userToken,
            TokenGatewayApi.ADMIN,
            TokenGatewayApi.SERVICE,
            signatureOf(token))) {
      assertThat(all).doesNotContain(secret);
    }
  }

  private static String signatureOf(String jwt) {
    return jwt.substring(jwt.lastIndexOf('.') + 1);
  }
}
