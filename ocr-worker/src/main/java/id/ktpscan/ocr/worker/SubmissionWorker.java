package id.ktpscan.ocr.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.crypto.PayloadDecryptionException;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.ReliableProducer;
import id.ktpscan.contracts.kafka.SubmissionCreatedCodec;
import id.ktpscan.ocr.pipeline.CardScan;
import id.ktpscan.ocr.pipeline.UnreadableImageException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code ktp.submissions.v1}, reads each photo and publishes {@code SubmissionProcessed}
 * to {@code ktp.results.v1}.
 *
 * <p>A record is acknowledged (and so committed) only after its result is on the broker; if
 * publishing fails the channel fails, the service turns unhealthy and, restarted, re-reads from the
 * last commit: a result may be published twice (the gateway ignores the second), never lost. A
 * record that cannot be parsed or decrypted is a poison message: it goes to the DLQ topic with the
 * reason in a header, and consumption goes on. Processing runs on the {@code ocr} worker pool,
 * whose size bounds the concurrency (each thread keeps its own reader).
 */
@ApplicationScoped
public class SubmissionWorker {

  private static final Logger LOG = Logger.getLogger(SubmissionWorker.class);
  static final String DLQ_REASON_HEADER = "ktp-dlq-reason";

  private final PipelineHolder pipeline;
  private final PayloadCipher cipher;
  private final String bootstrapServers;
  private final Duration sendTimeout;
  private final MeterRegistry metrics;
  private final Clock clock = Clock.systemUTC();
  private final ObjectMapper json = KtpJson.mapper();
  private KafkaProducer<String, byte[]> producer;

  public SubmissionWorker(
      PipelineHolder pipeline,
      @ConfigProperty(name = "ktp.event-keys") String eventKeys,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "ktp.ocr.send-timeout", defaultValue = "30s") Duration sendTimeout,
      MeterRegistry metrics) {
    this.pipeline = pipeline;
    this.cipher = PayloadCipher.fromKeyRing(eventKeys);
    this.bootstrapServers = bootstrapServers;
    this.sendTimeout = sendTimeout;
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent event) {
    producer = ReliableProducer.create(bootstrapServers, sendTimeout, "ocr-worker");
  }

  void stop(@Observes ShutdownEvent event) {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  @Incoming("submissions")
  @Blocking(value = "ocr", ordered = false)
  public void onSubmission(ConsumerRecord<String, byte[]> record) throws Exception {
    SubmissionCreated submission;
    byte[] image;
    try {
      submission = SubmissionCreatedCodec.decode(record.value());
      image = cipher.decrypt(submission.image(), PayloadCipher.aadFor(submission.submissionId()));
    } catch (PayloadDecryptionException e) {
      deadLetter(record, "undecryptable: " + e.getMessage());
      return;
    } catch (Exception e) {
      deadLetter(record, "unparseable: " + e.getClass().getSimpleName());
      return;
    }
    SubmissionProcessed result = process(submission, image);
    send(
        new ProducerRecord<>(
            Topics.RESULTS, submission.submissionId().toString(), json.writeValueAsBytes(result)));
    metrics.counter("ktp.ocr.results", "outcome", result.outcome().name()).increment();
    LOG.infof(
        "submission %s attempt %d: %s %s in %d ms",
        submission.submissionId(),
        submission.attempt(),
        result.outcome(),
        result.reasons(),
        result.timingsMs().getOrDefault("total", -1L));
  }

  SubmissionProcessed process(SubmissionCreated submission, byte[] image) throws Exception {
    ScanOutcome outcome;
    List<RetryReason> reasons;
    EncryptedPayload encrypted = null;
    Map<String, Long> timings;
    Timer.Sample sample = Timer.start(metrics);
    try {
      CardScan scan = pipeline.reader(Duration.ofMinutes(5)).scan(image);
      outcome = scan.outcome();
      reasons = scan.reasons();
      timings = scan.timingsMs();
      if (outcome == ScanOutcome.EXTRACTED) {
        encrypted =
            cipher.encrypt(
                json.writeValueAsBytes(scan.toResult()),
                PayloadCipher.aadFor(submission.submissionId()));
      }
    } catch (UnreadableImageException e) {
      // The gateway sniffed an image, but it does not decode: the user's photo is the problem.
      outcome = ScanOutcome.RETRY_REQUIRED;
      reasons = List.of(RetryReason.UNREADABLE);
      timings = Map.of();
    } catch (RuntimeException e) {
      LOG.errorf(
          "submission %s could not be processed: %s",
          submission.submissionId(), e.getClass().getName());
      outcome = ScanOutcome.FAILED;
      reasons = List.of();
      timings = Map.of();
    } finally {
      sample.stop(metrics.timer("ktp.ocr.scan"));
    }
    return new SubmissionProcessed(
        // Derived from the submission's event, so a re-processed record carries the same id.
        UUID.nameUUIDFromBytes(
            ("processed:" + submission.eventId()).getBytes(StandardCharsets.UTF_8)),
        submission.submissionId(),
        submission.flowId(),
        submission.partnerId(),
        submission.correlationId(),
        submission.attempt(),
        outcome,
        reasons,
        encrypted,
        timings,
        clock.instant());
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
    ProducerRecord<String, byte[]> dead =
        new ProducerRecord<>(Topics.SUBMISSIONS_DLQ, record.key(), record.value());
    dead.headers().add(DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    dead.headers()
        .add(
            "ktp-dlq-origin",
            (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
    send(dead);
    metrics.counter("ktp.ocr.dead_lettered").increment();
    LOG.warnf(
        "record %s/%d/%d sent to %s (%s)",
        record.topic(), record.partition(), record.offset(), Topics.SUBMISSIONS_DLQ, reason);
  }

  private void send(ProducerRecord<String, byte[]> record)
      throws InterruptedException, ExecutionException, TimeoutException {
    producer.send(record).get(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
  }
}
