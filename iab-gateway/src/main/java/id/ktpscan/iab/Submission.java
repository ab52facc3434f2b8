package id.ktpscan.iab;

import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.SubmissionStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** One photo of a flow and what became of it. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "flow_id", nullable = false)
  public UUID flowId;

  @Column(nullable = false)
  public int attempt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SubmissionStatus status;

  /** Retry reasons, comma separated. */
  @Column(name = "reasons")
  public String reasons;

  @Column(name = "image_content_type", nullable = false)
  public String imageContentType;

  @Column(name = "image_bytes", nullable = false)
  public int imageBytes;

  @Column(name = "image_width", nullable = false)
  public int imageWidth;

  @Column(name = "image_height", nullable = false)
  public int imageHeight;

  /** An {@code EncryptedPayload} JSON holding the {@code ScanResult}. */
  @Column(name = "result_enc")
  public String resultEncrypted;

  @Column(name = "result_event_id")
  public UUID resultEventId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "processed_at")
  public Instant processedAt;

  @Column(name = "result_purged_at")
  public Instant resultPurgedAt;

  public List<RetryReason> reasonList() {
    if (reasons == null || reasons.isBlank()) {
      return List.of();
    }
    return Arrays.stream(reasons.split(",")).map(RetryReason::valueOf).toList();
  }

  public void setReasons(List<RetryReason> list) {
    reasons =
        list.isEmpty() ? null : list.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    return "Submission[id=" + id + ", attempt=" + attempt + ", status=" + status + "]";
  }
}
