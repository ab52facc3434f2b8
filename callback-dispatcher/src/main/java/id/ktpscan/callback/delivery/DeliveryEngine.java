package id.ktpscan.callback.delivery;

import id.ktpscan.callback.WebhookEndpoint;
import id.ktpscan.callback.config.CallbackConfig;
import id.ktpscan.callback.repository.DeliveryRepository;
import id.ktpscan.callback.service.TargetPolicy;
import id.ktpscan.callback.service.WebhookService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Makes webhook attempts without blocking a thread per request: claimed deliveries are sent with an
 * asynchronous HTTP client, at most {@code maxInFlight} at once and at most {@code
 * maxInFlightPerPartner} per partner, so a slow or dead endpoint can take only its own slots. A
 * poller claims due deliveries (new, retries, and those whose lease ran out in a crashed process);
 * new events are also attempted at once by the consumer that recorded them. A leased delivery that
 * finds its partner's slots taken waits in a short in-memory line for the next free slot of that
 * partner (beyond {@link #MAX_WAITING} it hands its lease back to the database).
 */
@ApplicationScoped
public class DeliveryEngine {

  private static final Logger LOG = Logger.getLogger(DeliveryEngine.class);
  private static final String USER_AGENT = "KTP-Scan-Webhooks/1";
  static final int MAX_WAITING = 200;

  private final DeliveryRepository deliveries;
  private final DeliveryRecorder recorder;
  private final WebhookService webhooks;
  private final EndpointCache endpoints;
  private final CallbackConfig.Delivery config;
  private final Clock clock;
  private final Semaphore slots;
  private final Map<String, AtomicInteger> inFlightByPartner = new ConcurrentHashMap<>();
  private final Map<String, java.util.Queue<DeliveryRepository.Claim>> waiting =
      new ConcurrentHashMap<>();
  private final Semaphore wakeups = new Semaphore(0);
  private final ExecutorService completions =
      Executors.newFixedThreadPool(4, named("webhook-record"));
  private HttpClient http;
  private Thread poller;
  private volatile boolean running;

  public DeliveryEngine(
      DeliveryRepository deliveries,
      DeliveryRecorder recorder,
      WebhookService webhooks,
      EndpointCache endpoints,
      CallbackConfig config,
      Clock clock) {
    this.deliveries = deliveries;
    this.recorder = recorder;
    this.webhooks = webhooks;
    this.endpoints = endpoints;
    this.config = config.delivery();
    this.clock = clock;
    this.slots = new Semaphore(this.config.maxInFlight());
  }

  void start(@Observes StartupEvent event) {
    http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2, named("webhook-http")))
            .build();
    running = true;
    poller = new Thread(this::poll, "webhook-poller");
    poller.setDaemon(true);
    poller.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (poller != null) {
      poller.interrupt();
    }
    completions.shutdown();
    try {
      completions.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Attempts a delivery the caller has just recorded and leased, if a slot is free now. */
  public void attemptNow(DeliveryRepository.Claim claim) {
    if (acquire(claim.partnerId())) {
      dispatch(claim);
    } else {
      waitForSlot(claim);
    }
  }

  private void waitForSlot(DeliveryRepository.Claim claim) {
    java.util.Queue<DeliveryRepository.Claim> line =
        waiting.computeIfAbsent(
            claim.partnerId(), p -> new java.util.concurrent.ConcurrentLinkedQueue<>());
    if (line.size() < MAX_WAITING) {
      line.add(claim);
      // A slot may have been freed between the failed acquire and joining the line.
      dispatchWaiting(claim.partnerId());
    } else {
      QuarkusTransaction.requiringNew().run(() -> deliveries.releaseLease(claim.eventId()));
    }
  }

  private void dispatchWaiting(String partnerId) {
    java.util.Queue<DeliveryRepository.Claim> line = waiting.get(partnerId);
    while (line != null && !line.isEmpty() && acquire(partnerId)) {
      DeliveryRepository.Claim next = line.poll();
      if (next == null) {
        release(partnerId);
        return;
      }
      dispatch(next);
    }
  }

  private void poll() {
    while (running) {
      try {
        wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
        claimAndDispatch();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("webhook poll failed: %s", e.getClass().getName());
      }
    }
  }

  private void claimAndDispatch() {
    int room = slots.availablePermits();
    if (room == 0) {
      return;
    }
    Set<String> busy =
        inFlightByPartner.entrySet().stream()
            .filter(
                e -> e.getValue().get() >= config.maxInFlightPerPartner() || lineIsLong(e.getKey()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    Instant leaseUntil = clock.instant().plus(config.lease());
    List<DeliveryRepository.Claim> claims =
        QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(room, busy, leaseUntil));
    claims.forEach(this::attemptNow);
  }

  private boolean lineIsLong(String partnerId) {
    java.util.Queue<DeliveryRepository.Claim> line = waiting.get(partnerId);
    return line != null && line.size() >= MAX_WAITING / 2;
  }

  private void dispatch(DeliveryRepository.Claim claim) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    HttpRequest request;
    try {
      request = prepare(claim, started);
    } catch (RuntimeException e) {
      release(claim.partnerId());
      throw e;
    }
    if (request == null) {
      release(claim.partnerId());
      return;
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .whenCompleteAsync(
            (response, failure) -> {
              try {
                long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
                DeliveryRecorder.Outcome outcome;
                if (failure != null) {
                  outcome =
                      new DeliveryRecorder.Outcome(null, describe(failure), started, latencyMs);
                } else {
                  closeQuietly(response.body());
                  outcome =
                      new DeliveryRecorder.Outcome(
                          response.statusCode(),
                          response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(),
                          started,
                          latencyMs);
                }
                recorder.record(claim.eventId(), outcome);
              } catch (RuntimeException e) {
                // The lease runs out and the delivery is attempted again: nothing is lost.
                LOG.warnf(
                    "could not record an attempt of %s: %s",
                    claim.eventId(), e.getClass().getName());
              } finally {
                release(claim.partnerId());
                dispatchWaiting(claim.partnerId());
                wakeups.release();
              }
            },
            completions);
  }

  /** The signed request, or null when the delivery was parked instead. */
  private HttpRequest prepare(DeliveryRepository.Claim claim, Instant now) {
    EndpointCache.Target endpoint = endpoints.get(claim.partnerId()).orElse(null);
    if (endpoint == null || endpoint.status() != WebhookEndpoint.Status.ACTIVE) {
      recorder.parkUnattempted(
          claim.eventId(), endpoint == null ? "no webhook endpoint" : "webhook endpoint disabled");
      return null;
    }
    if (!endpoint.events().contains(claim.type())) {
      recorder.parkUnattempted(claim.eventId(), "event type not subscribed");
      return null;
    }
    URI uri;
    try {
      uri = webhooks.targets().parse(endpoint.url());
      webhooks.targets().checkResolved(uri);
    } catch (TargetPolicy.RefusedTarget e) {
      // DNS may have changed since registration; the attempt fails and is retried on schedule.
      recorder.record(
          claim.eventId(),
          new DeliveryRecorder.Outcome(null, "target refused: " + e.getMessage(), now, 0));
      return null;
    }
    return HttpRequest.newBuilder(uri)
        .timeout(config.readTimeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .header("KTP-Event-Id", claim.eventId().toString())
        .header("KTP-Event-Type", claim.type().name())
        .header(
            WebhookSignature.HEADER, WebhookSignature.header(now, claim.body(), endpoint.secrets()))
        .POST(HttpRequest.BodyPublishers.ofString(claim.body()))
        .build();
  }

  private boolean acquire(String partnerId) {
    AtomicInteger partner = inFlightByPartner.computeIfAbsent(partnerId, p -> new AtomicInteger());
    if (partner.incrementAndGet() > config.maxInFlightPerPartner()) {
      partner.decrementAndGet();
      return false;
    }
    if (!slots.tryAcquire()) {
      partner.decrementAndGet();
      return false;
    }
    return true;
  }

  private void release(String partnerId) {
    slots.release();
    inFlightByPartner.get(partnerId).decrementAndGet();
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return cause.getClass().getSimpleName();
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Nothing to do: the answer's status is all that counts.
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
