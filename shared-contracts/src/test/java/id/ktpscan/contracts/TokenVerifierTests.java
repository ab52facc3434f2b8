package id.ktpscan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenRejectedException;
import id.ktpscan.contracts.auth.TokenRejectedException.Reason;
import id.ktpscan.contracts.auth.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier's own logic, including what its caches may and may not remember. */
class TokenVerifierTests {

  private static final String ISSUER = "urn:ktp-scan:token-gateway";

  private RSAKey key;
  private MutableClock clock;
  private final Set<String> revoked = new HashSet<>();
  private final AtomicInteger revocationLookups = new AtomicInteger();
  private TokenVerifier verifier;

  @BeforeEach
  void setUp() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k-test").generate();
    clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
    verifier =
        new TokenVerifier(
            ISSUER,
            new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
            jti -> {
              revocationLookups.incrementAndGet();
              return revoked.contains(jti);
            },
            clock,
            new TokenVerifier.Options(Duration.ofSeconds(30), Duration.ofSeconds(1), 100));
  }

  @Test
  void signatureIsCheckedOnceThenRemembered() throws Exception {
    String token = sign(claims(TokenKind.PARTNER).build());
    assertThat(verifier.verify(token, TokenKind.PARTNER).partnerId()).isEqualTo("prt_1");
    assertThat(verifier.verify(token, TokenKind.PARTNER).jti()).isNotNull();
    // Within the recheck window the revocation list is asked once.
    assertThat(revocationLookups).hasValue(1);
  }

  @Test
  void rememberedTokenStillExpires() throws Exception {
    String token = sign(claims(TokenKind.PARTNER).build());
    verifier.verify(token, TokenKind.PARTNER);
    clock.advance(Duration.ofMinutes(5).plusSeconds(31));
    assertRejected(token, TokenKind.PARTNER, Reason.EXPIRED);
  }

  @Test
  void rememberedTokenIsStillTheWrongKindElsewhere() throws Exception {
    String token = sign(claims(TokenKind.USER).build());
    verifier.verify(token, TokenKind.USER);
    assertRejected(token, TokenKind.PARTNER, Reason.WRONG_KIND);
  }

  @Test
  void revocationIsSeenAfterTheRecheckWindowOrAtOnceWhenForgotten() throws Exception {
    String token = sign(claims(TokenKind.PARTNER).build());
    String jti = verifier.verify(token, TokenKind.PARTNER).jti();
    revoked.add(jti);
    verifier.verify(token, TokenKind.PARTNER);
    clock.advance(Duration.ofMillis(1001));
    assertRejected(token, TokenKind.PARTNER, Reason.REVOKED);

    String second = sign(claims(TokenKind.PARTNER).build());
    String secondJti = verifier.verify(second, TokenKind.PARTNER).jti();
    revoked.add(secondJti);
    verifier.forgetRevocationCheck(secondJti);
    assertRejected(second, TokenKind.PARTNER, Reason.REVOKED);
  }

  @Test
  void unreachableRevocationListFailsClosed() throws Exception {
    TokenVerifier broken =
        new TokenVerifier(
            ISSUER,
            new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
            jti -> {
              throw new IllegalStateException("redis down");
            },
            clock,
            TokenVerifier.Options.defaults());
    String token = sign(claims(TokenKind.PARTNER).build());
    assertThatThrownBy(() -> broken.verify(token, TokenKind.PARTNER))
        .extracting(e -> ((TokenRejectedException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void refusals() throws Exception {
    assertRejected(null, TokenKind.PARTNER, Reason.MISSING);
    assertRejected("a.b.c", TokenKind.PARTNER, Reason.MALFORMED);
    assertRejected(
        sign(claims(TokenKind.PARTNER).issuer("x").build()),
        TokenKind.PARTNER,
        Reason.WRONG_ISSUER);
    assertRejected(
        sign(claims(TokenKind.PARTNER).audience("ktp-scan-capture").build()),
        TokenKind.PARTNER,
        Reason.WRONG_AUDIENCE);
    assertRejected(
        sign(claims(TokenKind.PARTNER).claim("token_use", "admin").build()),
        TokenKind.PARTNER,
        Reason.WRONG_KIND);
    assertRejected(
        sign(claims(TokenKind.PARTNER).jwtID(null).build()), TokenKind.PARTNER, Reason.MALFORMED);
    RSAKey other = new RSAKeyGenerator(2048).keyID("k-test").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(TokenVerifier.ALGORITHM).keyID("k-test").build(),
            claims(TokenKind.PARTNER).build());
    forged.sign(new RSASSASigner(other));
    assertRejected(forged.serialize(), TokenKind.PARTNER, Reason.BAD_SIGNATURE);
    // A token without a kid cannot name its key and is refused.
    SignedJWT noKid =
        new SignedJWT(
            new JWSHeader.Builder(TokenVerifier.ALGORITHM).build(),
            claims(TokenKind.PARTNER).build());
    noKid.sign(new RSASSASigner(key));
    // An EC-signed token is refused even when its key is published under the token's kid.
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k-ec").generate();
    TokenVerifier withEcKey =
        new TokenVerifier(
            ISSUER,
            new ImmutableJWKSet<>(
                new JWKSet(java.util.List.of(key.toPublicJWK(), ec.toPublicJWK()))),
            jti -> false,
            clock,
            TokenVerifier.Options.defaults());
    SignedJWT es256 =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k-ec").build(),
            claims(TokenKind.PARTNER).build());
    es256.sign(new ECDSASigner(ec));
    assertThatThrownBy(() -> withEcKey.verify(es256.serialize(), TokenKind.PARTNER))
        .extracting(e -> ((TokenRejectedException) e).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertRejected(noKid.serialize(), TokenKind.PARTNER, Reason.BAD_SIGNATURE);
  }

  private void assertRejected(String token, TokenKind kind, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(token, kind))
        .isInstanceOf(TokenRejectedException.class)
        .extracting(e -> ((TokenRejectedException) e).reason())
        .isEqualTo(reason);
  }

  private JWTClaimsSet.Builder claims(TokenKind kind) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(kind.audience())
        .subject("prt_1")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("token_use", kind.tokenUse())
        .claim("partner_id", "prt_1")
        .claim("scope", kind.scope());
  }

  private String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(TokenVerifier.ALGORITHM).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
