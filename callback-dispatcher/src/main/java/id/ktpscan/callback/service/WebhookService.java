package id.ktpscan.callback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.callback.EventType;
import id.ktpscan.callback.WebhookEndpoint;
import id.ktpscan.callback.config.CallbackConfig;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Registers partners' webhook endpoints and keeps their signing secrets. */
@ApplicationScoped
public class WebhookService {

  private static final Logger LOG = Logger.getLogger(WebhookService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An endpoint with the secret just issued (shown to the partner once). */
  public record Issued(WebhookEndpoint endpoint, String secret) {
    @Override
    public String toString() {
      return "Issued[partnerId=" + endpoint.partnerId + "]";
    }
  }

  /** Fired after a partner's endpoint changed, so caches of it can drop it. */
  public record EndpointChanged(String partnerId) {}

  /** The secrets a delivery is signed with: the current one, and the previous one in its grace. */
  public record SigningSecrets(List<String> secrets) {
    @Override
    public String toString() {
      return "SigningSecrets[count=" + secrets.size() + "]";
    }
  }

  private final TargetPolicy targets;
  private final PayloadCipher cipher;
  private final CallbackConfig config;
  private final Clock clock;

  private final Event<EndpointChanged> changes;

  public WebhookService(
      PayloadCipher cipher, CallbackConfig config, Clock clock, Event<EndpointChanged> changes) {
    this.targets = new TargetPolicy(config.targets());
    this.cipher = cipher;
    this.config = config;
    this.clock = clock;
    this.changes = changes;
  }

  public TargetPolicy targets() {
    return targets;
  }

  /**
   * Registers or replaces the partner's endpoint and issues a new signing secret; a secret it
   * replaces keeps signing for the grace period.
   */
  @Transactional
  public Issued register(String partnerId, String url, List<String> events) {
    String checkedUrl = RequestFields.requireText(url, "url", 2048);
    try {
      URI uri = targets.parse(checkedUrl);
      targets.checkResolved(uri);
    } catch (TargetPolicy.RefusedTarget e) {
      throw new ProblemException(
          400, "INVALID_WEBHOOK_URL", "Invalid webhook URL", "Field 'url' " + e.getMessage() + ".");
    }
    Set<EventType> types = parseEvents(events);
    Instant now = clock.instant();
    WebhookEndpoint endpoint = WebhookEndpoint.findById(partnerId);
    boolean created = endpoint == null;
    if (created) {
      endpoint = new WebhookEndpoint();
      endpoint.partnerId = partnerId;
      endpoint.createdAt = now;
    }
    endpoint.url = checkedUrl;
    endpoint.events = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    endpoint.status = WebhookEndpoint.Status.ACTIVE;
    endpoint.disabledReason = null;
    String secret = rotateSecret(endpoint, now, !created);
    endpoint.updatedAt = now;
    if (created) {
      endpoint.persist();
    }
    changes.fire(new EndpointChanged(partnerId));
    LOG.infof("%s webhook endpoint of partner %s", created ? "registered" : "replaced", partnerId);
    return new Issued(endpoint, secret);
  }

  /** Issues a new secret; the old one keeps signing beside it for the grace period. */
  @Transactional
  public Issued rotate(String partnerId) {
    WebhookEndpoint endpoint = find(partnerId).orElseThrow(WebhookService::notRegistered);
    Instant now = clock.instant();
    String secret = rotateSecret(endpoint, now, true);
    endpoint.updatedAt = now;
    changes.fire(new EndpointChanged(partnerId));
    LOG.infof("rotated the webhook secret of partner %s", partnerId);
    return new Issued(endpoint, secret);
  }

  public Optional<WebhookEndpoint> find(String partnerId) {
    return WebhookEndpoint.findByIdOptional(partnerId);
  }

  /** The secrets to sign with now. */
  public SigningSecrets signingSecrets(WebhookEndpoint endpoint) {
    List<String> secrets = new ArrayList<>(2);
    secrets.add(decrypt(endpoint.secretEncrypted, endpoint.partnerId));
    if (endpoint.previousSecretEncrypted != null
        && endpoint.previousSecretUntil != null
        && clock.instant().isBefore(endpoint.previousSecretUntil)) {
      secrets.add(decrypt(endpoint.previousSecretEncrypted, endpoint.partnerId));
    }
    return new SigningSecrets(secrets);
  }

  private String rotateSecret(WebhookEndpoint endpoint, Instant now, boolean keepPrevious) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    if (keepPrevious && endpoint.secretEncrypted != null) {
      endpoint.previousSecretEncrypted = endpoint.secretEncrypted;
      endpoint.previousSecretUntil = now.plus(config.secretGracePeriod());
    }
    endpoint.secretEncrypted = encrypt(secret, endpoint.partnerId);
    endpoint.secretRotatedAt = now;
    return secret;
  }

  private static Set<EventType> parseEvents(List<String> events) {
    if (events == null || events.isEmpty()) {
      return EnumSet.allOf(EventType.class);
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String event : events) {
      try {
        types.add(EventType.valueOf(event));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw RequestFields.invalid(
            "events", "may only hold " + EnumSet.allOf(EventType.class).toString());
      }
    }
    return types;
  }

  private String encrypt(String secret, String partnerId) {
    try {
      return KtpJson.mapper()
          .writeValueAsString(
              cipher.encrypt(
                  secret.getBytes(StandardCharsets.UTF_8),
                  partnerId.getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String decrypt(String stored, String partnerId) {
    try {
      EncryptedPayload payload = KtpJson.mapper().readValue(stored, EncryptedPayload.class);
      return new String(
          cipher.decrypt(payload, partnerId.getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored secret of " + partnerId + " is unreadable", e);
    }
  }

  public static ProblemException notRegistered() {
    return new ProblemException(
        404, "WEBHOOK_NOT_FOUND", "Not found", "No webhook endpoint is registered.");
  }
}
