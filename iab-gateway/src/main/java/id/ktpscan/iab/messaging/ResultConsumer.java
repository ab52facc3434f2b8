package id.ktpscan.iab.messaging;

import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.SubmissionStatus;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.crypto.PayloadDecryptionException;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.kafka.ConsumerRetry;
import id.ktpscan.iab.Flow;
import id.ktpscan.iab.Submission;
import id.ktpscan.iab.config.Ciphers;
import id.ktpscan.iab.repository.FlowRepository;
import id.ktpscan.iab.repository.SubmissionRepository;
import id.ktpscan.iab.service.PersonalData;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies ocr-worker's results ({@code ktp.results.v1}) to submissions and flows. Results are
 * idempotent by submission: the first result of a submission wins, replays and late duplicates are
 * ignored. The extracted fields are re-encrypted under this service's at-rest keys.
 */
@ApplicationScoped
public class ResultConsumer {

  private static final Logger LOG = Logger.getLogger(ResultConsumer.class);

  private final SubmissionRepository submissions;
  private final FlowRepository flows;
  private final PayloadCipher eventCipher;
  private final PersonalData personalData;
  private final Clock clock;
  private final MeterRegistry metrics;

  public ResultConsumer(
      SubmissionRepository submissions,
      FlowRepository flows,
      Ciphers ciphers,
      Clock clock,
      MeterRegistry metrics) {
    this.submissions = submissions;
    this.flows = flows;
    this.eventCipher = ciphers.events();
    this.personalData = new PersonalData(ciphers.data());
    this.clock = clock;
    this.metrics = metrics;
  }

  @Incoming("results")
  @Blocking
  public void onResult(SubmissionProcessed event) throws InterruptedException {
    if (event == null) {
      // The deserializer could not read the record; the connector logged it.
      metrics.counter("ktp.results.ignored", "reason", "unreadable").increment();
      return;
    }
    ConsumerRetry.call(
        "result " + event.eventId(),
        5,
        Duration.ofSeconds(1),
        () -> {
          QuarkusTransaction.requiringNew().run(() -> apply(event));
          return null;
        });
  }

  private void apply(SubmissionProcessed event) {
    Submission submission =
        submissions
            .findByIdOptional(event.submissionId(), LockModeType.PESSIMISTIC_WRITE)
            .orElse(null);
    if (submission == null || !submission.flowId.equals(event.flowId())) {
      LOG.warnf(
          "result %s names an unknown submission %s; ignored",
          event.eventId(), event.submissionId());
      metrics.counter("ktp.results.ignored", "reason", "unknown_submission").increment();
      return;
    }
    if (submission.status != SubmissionStatus.PROCESSING) {
      LOG.debugf(
          "result %s for already finished submission %s; ignored", event.eventId(), submission.id);
      metrics.counter("ktp.results.ignored", "reason", "duplicate").increment();
      return;
    }
    Flow flow = flows.findById(submission.flowId, LockModeType.PESSIMISTIC_WRITE);
    SubmissionStatus status = event.outcome().toStatus();
    if (event.outcome() == ScanOutcome.EXTRACTED) {
      try {
        byte[] result = eventCipher.decrypt(event.result(), PayloadCipher.aadFor(submission.id));
        submission.resultEncrypted = personalData.encrypt(result, submission.id);
      } catch (PayloadDecryptionException e) {
        LOG.errorf(
            "result %s of submission %s cannot be decrypted (%s); marking it FAILED",
            event.eventId(), submission.id, e.getMessage());
        status = SubmissionStatus.FAILED;
      }
    }
    submission.status = status;
    submission.setReasons(
        status == SubmissionStatus.RETRY_REQUIRED ? event.reasons() : java.util.List.of());
    submission.resultEventId = event.eventId();
    submission.processedAt = clock.instant();
    flow.status =
        switch (status) {
          case COMPLETED -> Flow.Status.COMPLETED;
          case FAILED -> Flow.Status.FAILED;
          case RETRY_REQUIRED -> flow.attemptsLeft() > 0 ? Flow.Status.OPEN : Flow.Status.EXHAUSTED;
          case PROCESSING -> flow.status;
        };
    flow.updatedAt = submission.processedAt;
    metrics.counter("ktp.results.applied", "status", status.name()).increment();
    LOG.infof("submission %s is %s; flow %s is %s", submission.id, status, flow.id, flow.status);
  }
}
