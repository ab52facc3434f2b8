package id.ktpscan.contracts.events;

import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of reading one submission, on {@code ktp.results.v1} keyed by submission id.
 *
 * <p>Everything outside {@code result} is free of personal data, so callback-dispatcher can act on
 * it without the decryption key.
 *
 * @param eventId unique per event; consumers de-duplicate on it
 * @param submissionId the submission that was read
 * @param flowId the flow of the submission
 * @param partnerId the partner that started the flow
 * @param correlationId the partner's reference for the flow
 * @param attempt the attempt number of the submission
 * @param outcome what the reader concluded
 * @param reasons why a retry is needed; empty unless {@code outcome} is {@code RETRY_REQUIRED}
 * @param result a {@link ScanResult} as JSON, encrypted; null when nothing was extracted
 * @param timingsMs time per pipeline stage, for operations
 * @param processedAt when ocr-worker finished
 */
public record SubmissionProcessed(
    UUID eventId,
    UUID submissionId,
    UUID flowId,
    String partnerId,
    String correlationId,
    int attempt,
    ScanOutcome outcome,
    List<RetryReason> reasons,
    EncryptedPayload result,
    Map<String, Long> timingsMs,
    Instant processedAt) {

  public SubmissionProcessed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(processedAt, "processedAt");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
    if (outcome == ScanOutcome.RETRY_REQUIRED && reasons.isEmpty()) {
      throw new IllegalArgumentException("RETRY_REQUIRED needs at least one reason");
    }
    if (outcome == ScanOutcome.EXTRACTED && result == null) {
      throw new IllegalArgumentException("EXTRACTED needs a result");
    }
  }
}
