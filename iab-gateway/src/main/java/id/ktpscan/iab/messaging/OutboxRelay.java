package id.ktpscan.iab.messaging;

import id.ktpscan.contracts.kafka.ReliableProducer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks a row sent only after Kafka acknowledged it; rows that
 * fail stay unsent and are retried with backoff.
 *
 * <p>Every send first claims its rows with {@code SELECT … FOR UPDATE SKIP LOCKED … WHERE sent_at
 * IS NULL}, so two relays (or two passes of one) never send the same row. Two ways lead there: a
 * committed submission hands its event bytes to this replica's relay in memory (the fast path,
 * which spares reading an image-sized row back from PostgreSQL), and a periodic scan reads the
 * unsent rows from the database (rows of a crashed replica, rows whose send failed, and rows the
 * bounded in-memory queue had no room for).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** Rows younger than this are left to the fast path by the database scan. */
  private static final Duration SCAN_GRACE = Duration.ofSeconds(2);

  /** A committed outbox row whose event bytes are still in memory. */
  record Pending(long id, String topic, String key, byte[] payload) {}

  /** What one pass did. */
  record BatchResult(int sent, int failed) {}

  private final EntityManager em;
  private final IabConfig.Outbox config;
  private final String bootstrapServers;
  private final MeterRegistry metrics;
  private final BlockingQueue<Pending> handedOver;
  private final AtomicLong backlog = new AtomicLong();
  private volatile boolean running;
  private KafkaProducer<String, byte[]> producer;
  private Thread thread;
  private long nextScan;

  public OutboxRelay(
      EntityManager em,
      IabConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      MeterRegistry metrics) {
    this.em = em;
    this.config = config.outbox();
    this.bootstrapServers = bootstrapServers;
    this.metrics = metrics;
    // Bounded so that a Kafka outage cannot hold image-sized payloads in memory without limit.
    this.handedOver = new ArrayBlockingQueue<>(4 * this.config.batchSize());
  }

  void start(@Observes StartupEvent event) {
    producer =
        ReliableProducer.create(bootstrapServers, config.sendTimeout(), "iab-gateway-outbox");
    Gauge.builder("ktp.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet published (as of the relay's last database scan)")
        .register(metrics);
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
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

  /**
   * Hands a committed row's event to the relay. When the queue is full the row simply waits for the
   * database scan; nothing is lost.
   */
  public void handOver(long id, String topic, String key, byte[] payload) {
    handedOver.offer(new Pending(id, topic, key, payload));
  }

  private void loop() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        if (!backoff.isZero()) {
          // Not woken by new submissions: while Kafka is down, they must not speed up retries.
          Thread.sleep(backoff.toMillis());
        }
        BatchResult result = relayOnce();
        backoff = result.failed() > 0 ? nextBackoff(backoff) : Duration.ZERO;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("outbox relay pass failed: %s", e.getClass().getName());
        backoff = nextBackoff(backoff);
      }
    }
  }

  /** One pass: the handed-over events if any arrive within the poll interval, else a scan. */
  BatchResult relayOnce() throws InterruptedException {
    List<Pending> batch = new ArrayList<>(config.batchSize());
    Pending first = handedOver.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    if (first != null) {
      batch.add(first);
      handedOver.drainTo(batch, config.batchSize() - 1);
      BatchResult result = inTransaction(() -> publishHandedOver(batch));
      if (System.nanoTime() < nextScan) {
        return result;
      }
    }
    nextScan = System.nanoTime() + config.pollInterval().toNanos();
    return inTransaction(this::publishScanned);
  }

  private BatchResult publishHandedOver(List<Pending> batch) {
    List<Long> ids = batch.stream().map(Pending::id).toList();
    @SuppressWarnings("unchecked")
    List<Number> claimed =
        em.createNativeQuery(
                "SELECT id FROM outbox WHERE id IN (?1) AND sent_at IS NULL"
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter(1, ids)
            .getResultList();
    Map<Long, Pending> byId = new HashMap<>();
    batch.forEach(p -> byId.put(p.id(), p));
    List<Pending> toSend = claimed.stream().map(n -> byId.get(n.longValue())).toList();
    return send(toSend);
  }

  private BatchResult publishScanned() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, topic, message_key, payload FROM outbox WHERE sent_at IS NULL"
                    + " AND created_at < now() - make_interval(secs => ?2)"
                    + " ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, config.batchSize())
            .setParameter(2, (double) SCAN_GRACE.toSeconds())
            .getResultList();
    BatchResult result =
        send(
            rows.stream()
                .map(
                    r ->
                        new Pending(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            (String) r[2],
                            (byte[]) r[3]))
                .toList());
    backlog.set(
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
                    .getSingleResult())
            .longValue());
    return result;
  }

  private BatchResult send(List<Pending> rows) {
    if (rows.isEmpty()) {
      return new BatchResult(0, 0);
    }
    List<Long> ids = new ArrayList<>(rows.size());
    List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
    List<Long> failed = new ArrayList<>();
    String error = null;
    for (Pending row : rows) {
      try {
        sends.add(producer.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
        ids.add(row.id());
      } catch (RuntimeException e) {
        failed.add(row.id());
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
    return new BatchResult(sent.size(), failed.size());
  }

  private BatchResult inTransaction(java.util.function.Supplier<BatchResult> work) {
    return QuarkusTransaction.requiringNew()
        .timeout((int) config.sendTimeout().multipliedBy(3).toSeconds() + 5)
        .call(work::get);
  }

  private static Duration nextBackoff(Duration current) {
    Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }
}
