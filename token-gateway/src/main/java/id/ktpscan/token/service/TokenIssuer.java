package id.ktpscan.token.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.auth.TokenClaimNames;
import id.ktpscan.contracts.auth.TokenKind;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.token.Partner;
import id.ktpscan.token.config.TokenConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Builds and signs partner and user tokens with the active key. */
@ApplicationScoped
public class TokenIssuer {

  private static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

  private final SigningKeyService keys;
  private final TokenConfig config;
  private final Clock clock;
  private final MeterRegistry metrics;

  public TokenIssuer(
      SigningKeyService keys, TokenConfig config, Clock clock, MeterRegistry metrics) {
    this.keys = keys;
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** A partner token: {@code sub} is the partner id. */
  public TokenResponse issuePartnerToken(Partner partner) {
    Duration ttl = config.partnerTokenTtl();
    JWTClaimsSet claims =
        baseClaims(TokenKind.PARTNER, partner.id, ttl)
            .claim(TokenClaimNames.PARTNER_ID, partner.id)
            .claim(TokenClaimNames.CLIENT_ID, partner.clientId)
            .build();
    return respond(TokenKind.PARTNER, claims, ttl);
  }

  /** A user token bound to one flow; {@code sub} is {@code flow:<flowId>}. */
  public TokenResponse issueUserToken(
      String partnerId, String flowId, String correlationId, Duration requestedTtl) {
    Duration ttl =
        requestedTtl == null || requestedTtl.compareTo(config.userTokenTtl()) > 0
            ? config.userTokenTtl()
            : requestedTtl;
    JWTClaimsSet claims =
        baseClaims(TokenKind.USER, "flow:" + flowId, ttl)
            .claim(TokenClaimNames.PARTNER_ID, partnerId)
            .claim(TokenClaimNames.FLOW_ID, flowId)
            .claim(TokenClaimNames.CORRELATION_ID, correlationId)
            .build();
    return respond(TokenKind.USER, claims, ttl);
  }

  /** Signs arbitrary claims with the active key (the one place that touches the private key). */
  public String sign(JWTClaimsSet claims) {
    SigningKeyService.KeySnapshot snapshot = keys.current();
    JWSHeader header =
        new JWSHeader.Builder(TokenVerifier.ALGORITHM)
            .keyID(snapshot.active().getKeyID())
            .type(ACCESS_TOKEN_TYPE)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(snapshot.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  private JWTClaimsSet.Builder baseClaims(TokenKind kind, String subject, Duration ttl) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(config.issuer())
        .audience(kind.audience())
        .subject(subject)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .claim(TokenClaimNames.TOKEN_USE, kind.tokenUse())
        .claim(TokenClaimNames.SCOPE, kind.scope());
  }

  private TokenResponse respond(TokenKind kind, JWTClaimsSet claims, Duration ttl) {
    String token = sign(claims);
    metrics.counter("ktp.tokens.issued", "kind", kind.tokenUse()).increment();
    return new TokenResponse(token, "Bearer", ttl.toSeconds(), kind.scope());
  }
}
