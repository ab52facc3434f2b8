package id.ktpscan.token.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import id.ktpscan.contracts.auth.TokenVerifier;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.crypto.PayloadDecryptionException;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.token.SigningKey;
import id.ktpscan.token.config.TokenConfig;
import id.ktpscan.token.repository.SigningKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Owns the RS256 signing keys (RSA 2048): creates the first one, rotates, and keeps an in-memory
 * snapshot of the active private key and the published public keys, reloaded on a schedule so that
 * a rotation done by one replica reaches all of them.
 */
@ApplicationScoped
public class SigningKeyService {

  private static final Logger LOG = Logger.getLogger(SigningKeyService.class);
  private static final int KEY_BITS = 2048;

  /** What signs now and what verifiers may see. */
  public record KeySnapshot(RSAKey active, JWSSigner signer, JWKSet published, String jwksJson) {}

  private final SigningKeyRepository repository;
  private final TokenConfig config;
  private final PayloadCipher keyEncryption;
  private final Clock clock;
  private volatile KeySnapshot snapshot;

  public SigningKeyService(SigningKeyRepository repository, TokenConfig config, Clock clock) {
    this.repository = repository;
    this.config = config;
    this.keyEncryption = PayloadCipher.fromKeyRing(config.keyEncryptionKeys());
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              repository.lockForRotation();
              if (repository.findActive().isEmpty()) {
                SigningKey created = persistNewKey();
                LOG.infof("created the first signing key kid=%s", created.kid);
              }
            });
    reload();
  }

  /** The keys to sign and publish with; never null after start-up. */
  public KeySnapshot current() {
    return snapshot;
  }

  /**
   * Retires the active key and makes a new one active. The retired key stays published until every
   * token it signed has expired.
   *
   * @return the kid of the new active key
   */
  public String rotate() {
    String kid =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  repository.lockForRotation();
                  Instant now = clock.instant();
                  Optional<SigningKey> active = repository.findActive();
                  active.ifPresent(
                      key -> {
                        key.retiredAt = now;
                        key.publishUntil = now.plus(longestTokenLifetime());
                        repository.flush();
                      });
                  return persistNewKey().kid;
                });
    LOG.infof("rotated signing keys, new kid=%s", kid);
    reload();
    return kid;
  }

  /** Re-reads the keys from the database. */
  @Scheduled(
      every = "${ktp.token.key-refresh-interval}",
      delayed = "${ktp.token.key-refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void reload() {
    List<SigningKey> keys =
        QuarkusTransaction.requiringNew().call(() -> repository.findPublished(clock.instant()));
    List<JWK> published = new ArrayList<>();
    RSAKey active = null;
    for (SigningKey key : keys) {
      try {
        published.add(JWK.parse(key.publicJwk));
        if (key.retiredAt == null) {
          active = decryptPrivate(key);
        }
      } catch (ParseException e) {
        throw new IllegalStateException("stored signing key " + key.kid + " is unreadable", e);
      }
    }
    if (active == null) {
      throw new IllegalStateException("no active signing key");
    }
    try {
      JWKSet jwks = new JWKSet(published);
      snapshot = new KeySnapshot(active, new RSASSASigner(active), jwks, jwks.toString(true));
    } catch (JOSEException e) {
      throw new IllegalStateException("active signing key cannot sign", e);
    }
  }

  private java.time.Duration longestTokenLifetime() {
    java.time.Duration longest =
        config.partnerTokenTtl().compareTo(config.userTokenTtl()) >= 0
            ? config.partnerTokenTtl()
            : config.userTokenTtl();
    return longest.plus(config.clockSkew());
  }

  private SigningKey persistNewKey() {
    String kid = RandomIds.hex("k-", 8);
    RSAKey key;
    try {
      key =
          new RSAKeyGenerator(KEY_BITS)
              .keyID(kid)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(TokenVerifier.ALGORITHM)
              .issueTime(java.util.Date.from(clock.instant()))
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RS256 key", e);
    }
    EncryptedPayload sealed =
        keyEncryption.encrypt(
            key.toJSONString().getBytes(StandardCharsets.UTF_8),
            kid.getBytes(StandardCharsets.UTF_8));
    SigningKey entity = new SigningKey();
    entity.kid = kid;
    entity.alg = TokenVerifier.ALGORITHM.getName();
    entity.publicJwk = key.toPublicJWK().toJSONString();
    try {
      entity.privateJwkEncrypted = KtpJson.mapper().writeValueAsString(sealed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    entity.createdAt = clock.instant();
    repository.persist(entity);
    return entity;
  }

  private RSAKey decryptPrivate(SigningKey key) throws ParseException {
    try {
      EncryptedPayload sealed =
          KtpJson.mapper().readValue(key.privateJwkEncrypted, EncryptedPayload.class);
      byte[] json;
      try {
        json = keyEncryption.decrypt(sealed, key.kid.getBytes(StandardCharsets.UTF_8));
      } catch (PayloadDecryptionException e) {
        throw new IllegalStateException(
            "signing key "
                + key.kid
                + " was encrypted under key-encryption key '"
                + sealed.keyId()
                + "', which ktp.token.key-encryption-keys does not hold or which does not match",
            e);
      }
      return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored signing key " + key.kid + " is unreadable", e);
    }
  }
}
