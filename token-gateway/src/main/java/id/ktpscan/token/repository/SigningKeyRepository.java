package id.ktpscan.token.repository;

import id.ktpscan.token.SigningKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes signing keys. */
@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

  public Optional<SigningKey> findActive() {
    return find("retiredAt is null").firstResultOptional();
  }

  /** The active key and every retired key still inside its publication window. */
  public List<SigningKey> findPublished(Instant now) {
    return list("retiredAt is null or publishUntil > ?1 order by createdAt desc", now);
  }

  /** Serialises key creation and rotation across replicas for the current transaction. */
  public void lockForRotation() {
    getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('ktp.signing_key'))")
        .getSingleResult();
  }
}
