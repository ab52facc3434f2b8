package id.ktpscan.iab.messaging;

import id.ktpscan.iab.config.IabConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka. One relay thread per replica takes a batch of unsent rows with
 * {@code FOR UPDATE SKIP LOCKED} (so replicas never send the same row), sends them, and marks a row
 * sent only after Kafka acknowledged it; rows that fail stay unsent and are retried with backoff.
 * Accepting a submission wakes the relay, so publication does not wait for the poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final EntityManager em;
  private final IabConfig.Outbox config;
  private final String bootstrapServers;
  private final MeterRegistry metrics;
  private final Semaphore wakeups = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private volatile boolean running;
  private KafkaProducer<String, byte[]> producer;
  private Thread thread;

  public OutboxRelay(
      EntityManager em,
      IabConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      MeterRegistry metrics) {
    this.em = em;
    this.config = config.outbox();
    this.bootstrapServers = bootstrapServers;
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent event) {
    long timeoutMs = config.sendTimeout().toMillis();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                16 * 1024 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeoutMs / 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) (timeoutMs / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) timeoutMs,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.CLIENT_ID_CONFIG,
                "iab-gateway-outbox"),
            new StringSerializer(),
            new ByteArraySerializer());
    Gauge.builder("ktp.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet published (as of the relay's last look)")
        .register(metrics);
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wakeups.release();
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(15).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** Asks the relay to look at the outbox now rather than at its next poll. */
  public void wake() {
    wakeups.release();
  }

  private void loop() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        if (!backoff.isZero()) {
          sleep(backoff);
        }
        BatchResult result = relayBatch();
        if (result.failed() > 0) {
          backoff = nextBackoff(backoff);
        } else {
          backoff = Duration.ZERO;
          if (result.sent() < config.batchSize()) {
            wakeups.drainPermits();
            wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("outbox relay pass failed: %s", e.getClass().getName());
        backoff = nextBackoff(backoff);
      }
    }
  }

  /** What one pass did. */
  record BatchResult(int sent, int failed) {}

  /** Publishes one batch; visible for tests. */
  BatchResult relayBatch() {
    return QuarkusTransaction.requiringNew()
        .timeout((int) config.sendTimeout().multipliedBy(3).toSeconds() + 5)
        .call(this::relayLocked);
  }

  private BatchResult relayLocked() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, topic, message_key, payload FROM outbox WHERE sent_at IS NULL"
                    + " ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, config.batchSize())
            .getResultList();
    if (rows.isEmpty()) {
      backlog.set(0);
      return new BatchResult(0, 0);
    }
    List<Long> ids = new ArrayList<>(rows.size());
    List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
    List<Long> failed = new ArrayList<>();
    String error = null;
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      try {
        sends.add(
            producer.send(new ProducerRecord<>((String) row[1], (String) row[2], (byte[]) row[3])));
        ids.add(id);
      } catch (RuntimeException e) {
        failed.add(id);
        error = e.getClass().getSimpleName();
      }
    }
    List<Long> sent = new ArrayList<>(ids.size());
    long deadline = System.nanoTime() + config.sendTimeout().toNanos();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sent.add(ids.get(i));
      } catch (ExecutionException | TimeoutException e) {
        failed.add(ids.get(i));
        error = (e instanceof ExecutionException ? e.getCause() : e).getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.add(ids.get(i));
        error = "Interrupted";
      }
    }
    if (!sent.isEmpty()) {
      em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE id IN (?1)")
          .setParameter(1, sent)
          .executeUpdate();
      metrics.counter("ktp.outbox.published").increment(sent.size());
    }
    if (!failed.isEmpty()) {
      em.createNativeQuery(
              "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id IN (?1)")
          .setParameter(1, failed)
          .setParameter(2, error)
          .executeUpdate();
      LOG.warnf("could not publish %d outbox rows (%s); will retry", failed.size(), error);
    }
    backlog.set(
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
                    .getSingleResult())
            .longValue());
    return new BatchResult(sent.size(), failed.size());
  }

  private static Duration nextBackoff(Duration current) {
    Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  private static void sleep(Duration duration) throws InterruptedException {
    // Not interruptible by wake(): while Kafka is down, new submissions must not speed up retries.
    Thread.sleep(duration.toMillis());
  }
}
