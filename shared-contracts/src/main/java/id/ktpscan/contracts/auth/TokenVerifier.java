package id.ktpscan.contracts.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies KTP Scan JWTs the same way in every service: RS256 only, a key from token-gateway's
 * JWKS, issuer, token kind, audience, lifetime, scope, then the revocation list.
 *
 * <p>The checks run from cheapest to dearest, and the revocation lookup (a network call) only for
 * tokens that passed everything else. A token whose signature verified is remembered (keyed by the
 * whole token string) until it expires, so a client that reuses its token pays for the ECDSA check
 * once; a negative revocation answer is remembered for {@link Options#revocationRecheck()}, which
 * bounds how long a revocation takes to reach this verifier.
 */
public final class TokenVerifier {

  /**
   * The only signature algorithm accepted; {@code none}, HMAC and EC are refused by construction.
   * RS256 because every token is verified far more often than it is signed, and RSA verification
   * costs about a tenth of ECDSA P-256 verification on the JVM (decision 0006).
   */
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;

  private static final int MAX_TOKEN_CHARS = 8192;

  /**
   * Tuning of a verifier.
   *
   * @param clockSkew tolerated clock difference with token-gateway
   * @param revocationRecheck how long a "not revoked" answer is trusted; zero asks every time
   * @param maxCachedTokens bound on remembered tokens and revocation answers (each map)
   */
  public record Options(Duration clockSkew, Duration revocationRecheck, int maxCachedTokens) {

    public Options {
      Objects.requireNonNull(clockSkew, "clockSkew");
      Objects.requireNonNull(revocationRecheck, "revocationRecheck");
      if (clockSkew.isNegative() || revocationRecheck.isNegative() || maxCachedTokens < 0) {
        throw new IllegalArgumentException("verifier options must not be negative");
      }
    }

    /** 30 s skew, revocations seen within 1 s, 10,000 remembered tokens. */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(30), Duration.ofSeconds(1), 10_000);
    }
  }

  private final String issuer;
  private final JWKSource<SecurityContext> keys;
  private final RevocationList revocations;
  private final Clock clock;
  private final Options options;
  private final Map<String, VerifiedToken> verifiedTokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> notRevokedUntil = new ConcurrentHashMap<>();

  public TokenVerifier(
      String issuer,
      JWKSource<SecurityContext> keys,
      RevocationList revocations,
      Clock clock,
      Options options) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.revocations = Objects.requireNonNull(revocations, "revocations");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A JWKS fetched over HTTP from token-gateway, cached, and re-fetched (at most every {@code
   * minRefreshInterval}) when a token names a key the cache does not hold, so rotation needs no
   * restart.
   */
  public static JWKSource<SecurityContext> remoteJwks(
      URL jwksUrl, Duration cacheTtl, Duration minRefreshInterval) {
    return JWKSourceBuilder.create(jwksUrl)
        .cache(cacheTtl.toMillis(), Duration.ofSeconds(5).toMillis())
        .rateLimited(minRefreshInterval.toMillis())
        .retrying(true)
        .refreshAheadCache(false)
        .build();
  }

  /**
   * Verifies a token of the expected kind.
   *
   * @throws TokenRejectedException with the first reason the token fails
   */
  public VerifiedToken verify(String token, TokenKind expected) {
    VerifiedToken verified = token == null ? null : verifiedTokens.get(token);
    if (verified == null) {
      verified = verifyUncached(token, expected);
      remember(verifiedTokens, token, verified);
    } else {
      if (verified.kind() != expected) {
        throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_KIND);
      }
      if (!clock.instant().minus(options.clockSkew()).isBefore(verified.expiresAt())) {
        verifiedTokens.remove(token);
        throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED);
      }
    }
    if (isRevoked(verified.jti())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.REVOKED);
    }
    return verified;
  }

  /**
   * Makes the next verification of this token id ask the revocation list again; for the process
   * that revoked it, so that its own verifier sees the revocation at once.
   */
  public void forgetRevocationCheck(String jti) {
    notRevokedUntil.remove(jti);
  }

  private VerifiedToken verifyUncached(String token, TokenKind expected) {
    Signed signed = verifiedClaims(token);
    JWTClaimsSet claims = signed.claims();
    TokenKind kind = kindOf(claims);
    if (kind != expected) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_KIND);
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(expected.audience())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_AUDIENCE);
    }
    checkLifetime(claims);
    VerifiedToken verified = toVerified(kind, signed);
    if (!verified.scopes().contains(expected.scope())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.INSUFFICIENT_SCOPE);
    }
    if (verified.jti() == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    return verified;
  }

  private boolean isRevoked(String jti) {
    Instant now = clock.instant();
    Instant trustedUntil = notRevokedUntil.get(jti);
    if (trustedUntil != null && now.isBefore(trustedUntil)) {
      return false;
    }
    boolean revoked;
    try {
      revoked = revocations.isRevoked(jti);
    } catch (RuntimeException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, e);
    }
    if (revoked) {
      notRevokedUntil.remove(jti);
    } else if (!options.revocationRecheck().isZero()) {
      remember(notRevokedUntil, jti, now.plus(options.revocationRecheck()));
    }
    return revoked;
  }

  private <V> void remember(Map<String, V> cache, String key, V value) {
    if (options.maxCachedTokens() == 0) {
      return;
    }
    if (cache.size() >= options.maxCachedTokens()) {
      // Crude but bounded: a full cache starts over rather than tracking recency on every hit.
      cache.clear();
    }
    cache.put(key, value);
  }

  /**
   * Checks signature, issuer and lifetime of a token of either kind, without the revocation list;
   * for revoking a token, where the caller proves ownership separately.
   */
  public VerifiedToken inspect(String token) {
    Signed signed = verifiedClaims(token);
    TokenKind kind = kindOf(signed.claims());
    checkLifetime(signed.claims());
    return toVerified(kind, signed);
  }

  /** Claims whose signature and issuer were verified, with the key that signed them. */
  private record Signed(JWTClaimsSet claims, String keyId) {}

  private Signed verifiedClaims(String token) {
    if (token == null || token.isBlank()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MISSING);
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    SignedJWT jwt;
    try {
      if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
        // An unsecured (alg "none") or encrypted token is never accepted.
        throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE);
      }
      jwt = signed;
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    JWSHeader header = jwt.getHeader();
    if (!ALGORITHM.equals(header.getAlgorithm()) || header.getKeyID() == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE);
    }
    if (!verifiesWithAnyKey(jwt, header.getKeyID())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_ISSUER);
    }
    return new Signed(claims, header.getKeyID());
  }

  private boolean verifiesWithAnyKey(SignedJWT jwt, String keyId) {
    JWKMatcher matcher =
        new JWKMatcher.Builder()
            .keyType(KeyType.RSA)
            .keyID(keyId)
            .keyUses(KeyUse.SIGNATURE, null)
            .algorithms(ALGORITHM, null)
            .build();
    List<JWK> candidates;
    try {
      candidates = keys.get(new JWKSelector(matcher), null);
    } catch (KeySourceException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, e);
    }
    for (JWK candidate : candidates) {
      try {
        if (candidate instanceof RSAKey rsa
            && jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
          return true;
        }
      } catch (JOSEException e) {
        // An unusable key in the set is not a reason to accept or to fail loudly: try the next.
      }
    }
    return false;
  }

  private static TokenKind kindOf(JWTClaimsSet claims) {
    Object use = claims.getClaim(TokenClaimNames.TOKEN_USE);
    for (TokenKind kind : TokenKind.values()) {
      if (kind.tokenUse().equals(use)) {
        return kind;
      }
    }
    throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_KIND);
  }

  private void checkLifetime(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    if (!now.minus(options.clockSkew()).isBefore(exp.toInstant())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED);
    }
    Date nbf = claims.getNotBeforeTime();
    Instant latest = now.plus(options.clockSkew());
    if (iat.toInstant().isAfter(latest) || (nbf != null && nbf.toInstant().isAfter(latest))) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_YET_VALID);
    }
  }

  private static VerifiedToken toVerified(TokenKind kind, Signed signed) {
    JWTClaimsSet claims = signed.claims();
    Object scope = claims.getClaim(TokenClaimNames.SCOPE);
    Set<String> scopes =
        scope instanceof String s ? new HashSet<>(Arrays.asList(s.split(" "))) : Set.of();
    return new VerifiedToken(
        kind,
        claims.getJWTID(),
        claims.getSubject(),
        stringClaim(claims, TokenClaimNames.PARTNER_ID),
        stringClaim(claims, TokenClaimNames.FLOW_ID),
        stringClaim(claims, TokenClaimNames.CORRELATION_ID),
        scopes,
        signed.keyId(),
        claims.getIssueTime().toInstant(),
        claims.getExpirationTime().toInstant());
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s ? s : null;
  }
}
