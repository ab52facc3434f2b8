package id.ktpscan.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenRejectedException;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.token.service.SigningKeyService;
import id.ktpscan.token.service.TokenIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a bearer token must be refused, through a real authenticated endpoint. */
@QuarkusTest
class TokenVerificationTests {

  @Inject TokenIssuer issuer;
  @Inject SigningKeyService keys;
  @Inject TokenVerifier verifier;

  private TokenGatewayApi.Credentials partner;

  @BeforeEach
  void createPartner() {
    partner = TokenGatewayApi.createPartner("Verifier Partner");
  }

  @Test
  void validPartnerTokenPasses() {
    String token = TokenGatewayApi.partnerToken(partner);
    TokenGatewayApi.whoAmI(token)
        .then()
        .statusCode(200)
        .body("partnerId", equalTo(partner.partnerId()))
        .body("keyId", equalTo(keys.current().active().getKeyID()));
  }

  @Test
  void missingOrGarbageTokens() {
    given()
        .get("/v1/partner/whoami")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .body("code", equalTo("TOKEN_MISSING"));
    expectRejected("not.a.jwt", 401, "INVALID_TOKEN");
    expectRejected("x".repeat(10_000), 401, "INVALID_TOKEN");
    given()
        .header("Authorization", "Basic Zm9vOmJhcg==")
        .get("/v1/partner/whoami")
        .then()
        .statusCode(401)
        .body("code", equalTo("TOKEN_MISSING"));
  }

  @Test
  void expiredToken() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    expectRejected(
        issuer.sign(
            partnerClaims()
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1))))
                .build()),
        401,
        "TOKEN_EXPIRED");
  }

  @Test
  void tokenFromTheFutureIsRefused() {
    Instant future = Instant.now().plus(Duration.ofHours(1));
    expectRejected(
        issuer.sign(partnerClaims().issueTime(Date.from(future)).build()), 401, "INVALID_TOKEN");
  }

  @Test
  void wrongAudience() {
    expectRejected(
        issuer.sign(partnerClaims().audience("someone-else").build()), 401, "INVALID_TOKEN");
  }

  @Test
  void wrongIssuer() {
    expectRejected(
        issuer.sign(partnerClaims().issuer("https://evil.example").build()), 401, "INVALID_TOKEN");
  }

  @Test
  void missingScopeIsForbidden() {
    expectRejected(
        issuer.sign(partnerClaims().claim("scope", "other").build()), 403, "INSUFFICIENT_SCOPE");
  }

  @Test
  void algNoneIsRefused() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(partnerClaims().build().toString().getBytes(StandardCharsets.UTF_8));
    expectRejected(header + "." + payload + ".", 401, "INVALID_TOKEN");
  }

  @Test
  void keyNotInTheJwksIsRefusedEvenUnderTheActiveKid() throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("k-foreign").generate();
    expectRejected(signWith(foreign, "k-foreign"), 401, "INVALID_TOKEN");
    expectRejected(signWith(foreign, keys.current().active().getKeyID()), 401, "INVALID_TOKEN");
  }

  @Test
  void hmacSignedWithThePublicKeyIsRefused() throws Exception {
    byte[] publicKeyAsSecret =
        keys.current().active().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.current().active().getKeyID())
                .build(),
            partnerClaims().build());
    jwt.sign(new MACSigner(publicKeyAsSecret));
    expectRejected(jwt.serialize(), 401, "INVALID_TOKEN");
  }

  @Test
  void userTokenCannotCallPartnerApisAndPartnerTokenIsNoUserToken() {
    String userToken =
        TokenGatewayApi.userToken(partner.partnerId(), UUID.randomUUID().toString(), "corr-1");
    expectRejected(userToken, 401, "WRONG_TOKEN_TYPE");

    String partnerToken = TokenGatewayApi.partnerToken(partner);
    assertThatThrownBy(() -> verifier.verify(partnerToken, TokenKind.USER))
        .isInstanceOf(TokenRejectedException.class)
        .extracting(e -> ((TokenRejectedException) e).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_KIND);
    assertThat(verifier.verify(userToken, TokenKind.USER).flowId()).isNotNull();
  }

  @Test
  void partnerTokenCannotMintUserTokens() {
    given()
        .auth()
        .oauth2(TokenGatewayApi.partnerToken(partner))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "partnerId",
                partner.partnerId(),
                "flowId",
                UUID.randomUUID().toString(),
                "correlationId",
                "c"))
        .post("/internal/v1/user-tokens")
        .then()
        .statusCode(401)
        .body("code", equalTo("SERVICE_UNAUTHORIZED"));
  }

  @Test
  void revokedTokenIsRefusedEverywhereAndOnlyItsOwnerMayRevokeIt() {
    String token = TokenGatewayApi.partnerToken(partner);
    String other = TokenGatewayApi.partnerToken(TokenGatewayApi.createPartner("Other Partner"));
    given()
        .auth()
        .oauth2(other)
        .contentType(ContentType.JSON)
        .body(Map.of("token", token))
        .post("/v1/tokens/revoke")
        .then()
        .statusCode(404)
        .body("code", equalTo("TOKEN_NOT_FOUND"));
    TokenGatewayApi.whoAmI(token).then().statusCode(200);

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("token", token))
        .post("/v1/tokens/revoke")
        .then()
        .statusCode(200)
        .body("revoked", equalTo(true));
    expectRejected(token, 401, "TOKEN_REVOKED");
    assertThatThrownBy(() -> verifier.verify(token, TokenKind.PARTNER))
        .isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void partnerRevokesAUserTokenOfItsFlowAndAdminRevokesById() {
    String owner = TokenGatewayApi.partnerToken(partner);
    String userToken =
        TokenGatewayApi.userToken(partner.partnerId(), UUID.randomUUID().toString(), "c-9");
    given()
        .auth()
        .oauth2(owner)
        .contentType(ContentType.JSON)
        .body(Map.of("token", userToken))
        .post("/v1/tokens/revoke")
        .then()
        .statusCode(200);
    assertThatThrownBy(() -> verifier.verify(userToken, TokenKind.USER))
        .extracting(e -> ((TokenRejectedException) e).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);

    var claims = verifier.verify(owner, TokenKind.PARTNER);
    given()
        .auth()
        .oauth2(TokenGatewayApi.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("jti", claims.jti(), "expiresAt", claims.expiresAt().toString()))
        .post("/admin/v1/tokens/revoke")
        .then()
        .statusCode(200)
        .body("revoked", equalTo(true));
    expectRejected(owner, 401, "TOKEN_REVOKED");
  }

  private JWTClaimsSet.Builder partnerClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("urn:ktp-scan:token-gateway")
        .audience(TokenKind.PARTNER.audience())
        .subject(partner.partnerId())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("token_use", "partner")
        .claim("partner_id", partner.partnerId())
        .claim("scope", TokenKind.PARTNER.scope());
  }

  @Test
  void es256TokenIsRefused() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(keys.current().active().getKeyID()).generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
            partnerClaims().build());
    jwt.sign(new ECDSASigner(ec));
    expectRejected(jwt.serialize(), 401, "INVALID_TOKEN");
  }

  private String signWith(RSAKey key, String kid) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
            partnerClaims().build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static void expectRejected(String token, int status, String code) {
    TokenGatewayApi.whoAmI(token)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("code", equalTo(code));
  }
}
