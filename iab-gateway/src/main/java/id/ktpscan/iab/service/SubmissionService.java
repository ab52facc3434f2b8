package id.ktpscan.iab.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.contracts.NextAction;
import id.ktpscan.contracts.SubmissionStatus;
import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.auth.VerifiedToken;
import id.ktpscan.contracts.crypto.PayloadCipher;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.SubmissionCreatedCodec;
import id.ktpscan.contracts.problem.Problem;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.iab.Submission;
import id.ktpscan.iab.config.Ciphers;
import id.ktpscan.iab.config.IabConfig;
import id.ktpscan.iab.imaging.ImageInfo;
import id.ktpscan.iab.messaging.OutboxRelay;
import id.ktpscan.iab.repository.IdempotencyRepository;
import id.ktpscan.iab.repository.OutboxRepository;
import id.ktpscan.iab.repository.SubmissionWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a photo for a flow: in one transaction the submission row, the flow's attempt count, the
 * outbox row carrying the encrypted image, and the idempotency record; the relay publishes after.
 */
@ApplicationScoped
public class SubmissionService {

  private static final Logger LOG = Logger.getLogger(SubmissionService.class);

  /** The 202 body, also stored for idempotent replays. */
  public record SubmissionAccepted(
      UUID submissionId,
      String correlationId,
      int attempt,
      SubmissionStatus status,
      NextAction nextAction,
      long pollAfterMs) {}

  /** An accepted (or replayed) submission and the HTTP status to answer with. */
  public record Outcome(int status, String body, boolean replayed, OutboxEntry outbox) {}

  /** The outbox row written with an accepted submission, for the relay's fast path. */
  record OutboxEntry(long id, String key, byte[] payload) {}

  private final SubmissionWriter writer;
  private final IdempotencyRepository idempotency;
  private final OutboxRepository outbox;
  private final OutboxRelay relay;
  private final PayloadCipher eventCipher;
  private final long pollAfterMs;
  private final Clock clock;
  private final MeterRegistry metrics;

  public SubmissionService(
      SubmissionWriter writer,
      IdempotencyRepository idempotency,
      OutboxRepository outbox,
      OutboxRelay relay,
      Ciphers ciphers,
      IabConfig config,
      Clock clock,
      MeterRegistry metrics) {
    this.writer = writer;
    this.idempotency = idempotency;
    this.outbox = outbox;
    this.relay = relay;
    this.eventCipher = ciphers.events();
    this.pollAfterMs = config.pollAfterMs();
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Accepts an inspected image for the caller's flow.
   *
   * @param idempotencyKey null when the client sent none
   */
  public Outcome accept(VerifiedToken user, ImageInfo info, byte[] image, String idempotencyKey) {
    UUID flowId = UUID.fromString(user.flowId());
    UUID submissionId = UUID.randomUUID();
    String requestHash = idempotencyKey == null ? null : sha256(image);
    // Encryption is the expensive part; it happens before the transaction takes the flow lock.
    EncryptedPayload sealedImage = eventCipher.encrypt(image, PayloadCipher.aadFor(submissionId));
    Outcome outcome =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    acceptLocked(
                        user,
                        flowId,
                        submissionId,
                        info,
                        sealedImage,
                        idempotencyKey,
                        requestHash));
    if (!outcome.replayed()) {
      OutboxEntry entry = outcome.outbox();
      relay.handOver(entry.id(), Topics.SUBMISSIONS, entry.key(), entry.payload());
      metrics.counter("ktp.submissions.accepted").increment();
    }
    return outcome;
  }

  private Outcome acceptLocked(
      VerifiedToken user,
      UUID flowId,
      UUID submissionId,
      ImageInfo info,
      EncryptedPayload sealedImage,
      String idempotencyKey,
      String requestHash) {
    SubmissionWriter.LockedFlow flow =
        writer
            .lockFlow(flowId, user.partnerId())
            .orElseThrow(
                () -> new ProblemException(404, "FLOW_NOT_FOUND", "Not found", "No such flow."));
    if (idempotencyKey != null) {
      Optional<IdempotencyRepository.StoredResponse> stored =
          idempotency.find(flow.id(), idempotencyKey);
      if (stored.isPresent()) {
        if (!stored.get().requestHash().equals(requestHash)) {
          throw new ProblemException(
              422,
              "IDEMPOTENCY_KEY_REUSED",
              "Idempotency key reused",
              "This Idempotency-Key was used for a different image.");
        }
        return new Outcome(stored.get().status(), stored.get().body(), true, null);
      }
    }
    refuseIfClosed(flow);
    Instant now = clock.instant();
    Submission submission = new Submission();
    submission.id = submissionId;
    submission.flowId = flow.id();
    submission.attempt = flow.attemptsUsed() + 1;
    submission.status = SubmissionStatus.PROCESSING;
    submission.imageContentType = info.format().mediaType();
    submission.imageBytes = info.bytes();
    submission.imageWidth = info.width();
    submission.imageHeight = info.height();
    submission.createdAt = now;
    writer.insert(submission);

    SubmissionCreated event =
        new SubmissionCreated(
            UUID.randomUUID(),
            submission.id,
            flow.id(),
            flow.partnerId(),
            flow.correlationId(),
            submission.attempt,
            info.format().mediaType(),
            sealedImage,
            now);
    byte[] payload = SubmissionCreatedCodec.encode(event);
    String key = submission.id.toString();
    long outboxId = outbox.append(submission.id, Topics.SUBMISSIONS, key, payload, now);

    String body =
        new String(
            json(
                new SubmissionAccepted(
                    submission.id,
                    flow.correlationId(),
                    submission.attempt,
                    SubmissionStatus.PROCESSING,
                    NextAction.STATUS,
                    pollAfterMs)),
            java.nio.charset.StandardCharsets.UTF_8);
    if (idempotencyKey != null) {
      idempotency.save(
          flow.id(),
          idempotencyKey,
          new IdempotencyRepository.StoredResponse(requestHash, 202, body),
          now);
    }
    LOG.infof(
        "accepted submission %s (attempt %d) of flow %s",
        submission.id, submission.attempt, flow.id());
    return new Outcome(202, body, false, new OutboxEntry(outboxId, key, payload));
  }

  private void refuseIfClosed(SubmissionWriter.LockedFlow flow) {
    switch (flow.status()) {
      case COMPLETED, FAILED ->
          throw conflict(
              "FLOW_CLOSED", "This flow is over; no more photos are accepted.", NextAction.EXIT);
      case EXHAUSTED ->
          throw conflict(
              "ATTEMPTS_EXHAUSTED", "Every attempt of this flow was used.", NextAction.EXIT);
      case OPEN -> {
        // fall through to the checks below
      }
    }
    Optional<SubmissionStatus> latest = writer.latestStatus(flow.id());
    if (latest.isPresent() && latest.get() == SubmissionStatus.PROCESSING) {
      throw conflict(
          "SUBMISSION_IN_PROGRESS",
          "The previous photo is still being read; poll its status first.",
          NextAction.STATUS);
    }
    if (flow.attemptsLeft() == 0) {
      throw conflict("ATTEMPTS_EXHAUSTED", "Every attempt of this flow was used.", NextAction.EXIT);
    }
  }

  private static ProblemException conflict(String code, String detail, NextAction next) {
    return new ProblemException(
        Problem.of(409, code, "Conflict", detail).with("nextAction", next), Map.of());
  }

  private static byte[] json(Object value) {
    try {
      return KtpJson.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
