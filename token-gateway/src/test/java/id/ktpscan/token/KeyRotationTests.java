package id.ktpscan.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotation with overlap: old tokens verify until they expire, new tokens carry the new kid. */
@QuarkusTest
@TestProfile(KeyRotationTests.ShortLivedTokens.class)
class KeyRotationTests {

  /** Tokens that live seconds, so the whole publication window fits in a test. */
  public static class ShortLivedTokens implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          // Long enough that the steps before the expiry check fit in it on a loaded machine (4 s
          // did not, once: the old token had expired before it was verified again).
          "ktp.token.partner-token-ttl", "PT12S",
          "ktp.token.user-token-ttl", "PT2S",
          "ktp.token.clock-skew", "PT1S",
          "ktp.token.key-refresh-interval", "PT1S");
    }
  }

  @Test
  void oldTokenVerifiesUntilExpiryThenItsKeyLeavesTheJwks() {
    TokenGatewayApi.Credentials partner = TokenGatewayApi.createPartner("Rotation Partner");
    String oldToken = TokenGatewayApi.partnerToken(partner);
    String oldKid = TokenGatewayApi.whoAmI(oldToken).then().statusCode(200).extract().path("keyId");

    String newKid =
        given()
            .auth()
            .oauth2(TokenGatewayApi.ADMIN)
            .post("/admin/v1/signing-keys/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("kid");
    assertThat(newKid).isNotEqualTo(oldKid);

    String newToken = TokenGatewayApi.partnerToken(partner);
    TokenGatewayApi.whoAmI(newToken).then().statusCode(200).body("keyId", equalTo(newKid));
    TokenGatewayApi.whoAmI(oldToken).then().statusCode(200).body("keyId", equalTo(oldKid));
    assertThat(publishedKids()).contains(oldKid, newKid);

    // The old token expires (12 s + 1 s skew), then its key is no longer published.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                TokenGatewayApi.whoAmI(oldToken)
                    .then()
                    .statusCode(401)
                    .body("code", equalTo("TOKEN_EXPIRED")));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(publishedKids()).doesNotContain(oldKid).contains(newKid));
  }

  private static List<String> publishedKids() {
    return given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
  }
}
