package id.ktpscan.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A photo accepted by iab-gateway, on {@code ktp.submissions.v1} keyed by submission id.
 *
 * @param eventId unique per event; consumers de-duplicate on it
 * @param submissionId the submission (one photo of one attempt)
 * @param flowId the scan flow the submission belongs to
 * @param partnerId the partner that started the flow
 * @param correlationId the partner's reference for the flow
 * @param attempt 1 for the first photo of the flow
 * @param imageContentType {@code image/jpeg} or {@code image/png}, sniffed from the bytes
 * @param image the photo, encrypted
 * @param createdAt when iab-gateway accepted the photo
 */
public record SubmissionCreated(
    UUID eventId,
    UUID submissionId,
    UUID flowId,
    String partnerId,
    String correlationId,
    int attempt,
    String imageContentType,
    EncryptedPayload image,
    Instant createdAt) {

  public SubmissionCreated {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(imageContentType, "imageContentType");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(createdAt, "createdAt");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1");
    }
  }
}
