package id.ktpscan.token;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** Calls token-gateway over real HTTP the way partners, operators and services do. */
final class TokenGatewayApi {

  static final String ADMIN = "test-admin-token-0123456789abcdef0123";
  static final String SERVICE = "test-service-key-0123456789abcdef01234";

  /** Credentials returned by the admin API. */
  record Credentials(String partnerId, String clientId, String passkey) {}

  private TokenGatewayApi() {}

  static Credentials createPartner(String name) {
    Map<String, String> body =
        given()
            .auth()
            .oauth2(ADMIN)
            .contentType(ContentType.JSON)
            .body(Map.of("name", name))
            .post("/admin/v1/partners")
            .then()
            .statusCode(201)
            .extract()
            .as(Map.class);
    return new Credentials(body.get("partnerId"), body.get("clientId"), body.get("passkey"));
  }

  static Response requestPartnerToken(String clientId, String passkey) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("client_id", clientId, "passkey", passkey))
        .post("/v1/partner/token");
  }

  static String partnerToken(Credentials credentials) {
    return requestPartnerToken(credentials.clientId(), credentials.passkey())
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  static String userToken(String partnerId, String flowId, String correlationId) {
    return given()
        .auth()
        .oauth2(SERVICE)
        .contentType(ContentType.JSON)
        .body(Map.of("partnerId", partnerId, "flowId", flowId, "correlationId", correlationId))
        .post("/internal/v1/user-tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("access_token");
  }

  static Response whoAmI(String token) {
    return given().auth().oauth2(token).get("/v1/partner/whoami");
  }
}
