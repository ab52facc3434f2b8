package id.ktpscan.token.service;

import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.token.Partner;
import id.ktpscan.token.repository.PartnerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The partner registry and the client-credentials exchange. */
@ApplicationScoped
public class PartnerService {

  private static final Logger LOG = Logger.getLogger(PartnerService.class);

  /** A partner with the passkey that was just generated for it, shown to the admin once. */
  public record IssuedCredentials(Partner partner, String passkey) {
    @Override
    public String toString() {
      return "IssuedCredentials[partner=" + partner.id + "]";
    }
  }

  private final PartnerRepository partners;
  private final PasskeyHasher hasher;
  private final CredentialVerifier credentials;
  private final RateLimiter rateLimiter;
  private final TokenIssuer issuer;
  private final Clock clock;
  private final MeterRegistry metrics;

  public PartnerService(
      PartnerRepository partners,
      PasskeyHasher hasher,
      CredentialVerifier credentials,
      RateLimiter rateLimiter,
      TokenIssuer issuer,
      Clock clock,
      MeterRegistry metrics) {
    this.partners = partners;
    this.hasher = hasher;
    this.credentials = credentials;
    this.rateLimiter = rateLimiter;
    this.issuer = issuer;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Transactional
  public IssuedCredentials create(String name) {
    String passkey = newPasskey();
    Instant now = clock.instant();
    Partner partner = new Partner();
    partner.id = RandomIds.hex("prt_", 10);
    partner.name = name;
    partner.clientId = RandomIds.hex("cli_", 16);
    partner.passkeyHash = hasher.hash(passkey);
    partner.status = Partner.Status.ACTIVE;
    partner.createdAt = now;
    partner.passkeyRotatedAt = now;
    partners.persist(partner);
    LOG.infof("created partner %s", partner.id);
    return new IssuedCredentials(partner, passkey);
  }

  public Optional<Partner> find(String partnerId) {
    return partners.findByIdOptional(partnerId);
  }

  @Transactional
  public Partner disable(String partnerId) {
    Partner partner = partners.findByIdOptional(partnerId).orElseThrow(PartnerService::notFound);
    if (partner.isActive()) {
      partner.status = Partner.Status.DISABLED;
      partner.disabledAt = clock.instant();
      LOG.infof("disabled partner %s", partner.id);
    }
    return partner;
  }

  /** Replaces the passkey; the old one stops working at once. */
  @Transactional
  public IssuedCredentials rotatePasskey(String partnerId) {
    Partner partner = partners.findByIdOptional(partnerId).orElseThrow(PartnerService::notFound);
    String passkey = newPasskey();
    partner.passkeyHash = hasher.hash(passkey);
    partner.passkeyRotatedAt = clock.instant();
    LOG.infof("rotated the passkey of partner %s", partner.id);
    return new IssuedCredentials(partner, passkey);
  }

  /**
   * Exchanges client credentials for a partner token.
   *
   * @throws ProblemException 401 {@code INVALID_CLIENT} for an unknown client or a wrong passkey
   *     (the same answer, in about the same time), 401 {@code CLIENT_DISABLED}, 429, 503
   */
  public TokenResponse exchange(String clientId, String passkey) {
    rateLimiter.checkAttempt(clientId);
    Optional<Partner> found = partners.findByClientId(clientId);
    boolean authenticated;
    if (found.isEmpty()) {
      credentials.rejectUnknown(passkey);
      authenticated = false;
    } else {
      authenticated = credentials.matches(found.get(), passkey);
    }
    if (!authenticated) {
      rateLimiter.recordFailure(clientId);
      metrics.counter("ktp.tokens.rejected", "reason", "invalid_client").increment();
      throw invalidClient();
    }
    Partner partner = found.get();
    if (!partner.isActive()) {
      metrics.counter("ktp.tokens.rejected", "reason", "client_disabled").increment();
      throw new ProblemException(
          401, "CLIENT_DISABLED", "Client disabled", "This client has been disabled.");
    }
    return issuer.issuePartnerToken(partner);
  }

  public static ProblemException invalidClient() {
    return new ProblemException(
        401, "INVALID_CLIENT", "Invalid client", "Unknown client or wrong passkey.");
  }

  private static String newPasskey() {
    return RandomIds.urlSafe("pk_", 32);
  }

  public static ProblemException notFound() {
    return new ProblemException(404, "PARTNER_NOT_FOUND", "Not found", "No such partner.");
  }
}
