package id.ktpscan.callback.delivery;

import id.ktpscan.callback.EventType;
import id.ktpscan.callback.WebhookEndpoint;
import id.ktpscan.callback.service.WebhookService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partners' endpoints with their decrypted signing secrets, kept for a few seconds so that a busy
 * partner's deliveries do not each read and decrypt the endpoint again. A change made through this
 * replica applies at once; a change made through another replica within {@link #TTL}.
 */
@ApplicationScoped
public class EndpointCache {

  static final Duration TTL = Duration.ofSeconds(5);

  /** What a delivery needs to know about its endpoint. */
  public record Target(
      String url,
      WebhookEndpoint.Status status,
      Set<EventType> events,
      List<String> secrets,
      long loadedAtNanos) {
    @Override
    public String toString() {
      return "Target[status=" + status + "]";
    }
  }

  private final WebhookService webhooks;
  private final Map<String, Optional<Target>> targets = new ConcurrentHashMap<>();

  public EndpointCache(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  /** The partner's endpoint, or empty when none is registered. */
  public Optional<Target> get(String partnerId) {
    Optional<Target> cached = targets.get(partnerId);
    if (cached != null
        && cached.isPresent()
        && System.nanoTime() - cached.get().loadedAtNanos() < TTL.toNanos()) {
      return cached;
    }
    Optional<Target> loaded = QuarkusTransaction.requiringNew().call(() -> load(partnerId));
    targets.put(partnerId, loaded);
    return loaded;
  }

  /** Forgets a partner's endpoint after it changed (registered, rotated, disabled). */
  void onChange(@Observes WebhookService.EndpointChanged change) {
    targets.remove(change.partnerId());
  }

  private Optional<Target> load(String partnerId) {
    return webhooks
        .find(partnerId)
        .map(
            endpoint ->
                new Target(
                    endpoint.url,
                    endpoint.status,
                    endpoint.eventTypes(),
                    webhooks.signingSecrets(endpoint).secrets(),
                    System.nanoTime()));
  }
}
