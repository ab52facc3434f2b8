package id.ktpscan.token.repository;

import id.ktpscan.token.Partner;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads and writes partners. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, String> {

  public Optional<Partner> findByClientId(String clientId) {
    return find("clientId", clientId).firstResultOptional();
  }
}
