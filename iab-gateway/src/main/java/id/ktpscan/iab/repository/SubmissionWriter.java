package id.ktpscan.iab.repository;

import id.ktpscan.contracts.SubmissionStatus;
import id.ktpscan.iab.Flow;
import id.ktpscan.iab.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of an upload's transaction, in plain JDBC on the transaction's connection.
 *
 * <p>The upload is the hot path of the gateway. Through the ORM, its statements took about two
 * thirds of the CPU samples of the upload's own code in a flight recording of {@code ./ktp bench
 * iab} (entity loading, dirty checking, the auto-flush before the outbox insert). Everything else
 * reads and writes flows and submissions through the entities; nothing here keeps state between
 * calls, and the upload's transaction loads no entity, so the ORM never holds a stale copy of what
 * this class wrote.
 */
@ApplicationScoped
public class SubmissionWriter {

  /** What the upload needs of its flow, read under the flow's row lock. */
  public record LockedFlow(
      UUID id,
      String partnerId,
      String correlationId,
      int maxAttempts,
      int attemptsUsed,
      Flow.Status status) {

    public int attemptsLeft() {
      return Math.max(0, maxAttempts - attemptsUsed);
    }
  }

  private final Jdbc jdbc;

  public SubmissionWriter(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The flow, locked until the transaction ends, so submissions of one flow never interleave. */
  public Optional<LockedFlow> lockFlow(UUID flowId, String partnerId) {
    return jdbc.first(
        "SELECT id, partner_id, correlation_id, max_attempts, attempts_used, status FROM flow"
            + " WHERE id = ? AND partner_id = ? FOR UPDATE",
        statement -> {
          statement.setObject(1, flowId);
          statement.setString(2, partnerId);
        },
        rows ->
            new LockedFlow(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getString(3),
                rows.getInt(4),
                rows.getInt(5),
                Flow.Status.valueOf(rows.getString(6))));
  }

  /** The status of the flow's latest submission, if it has one. */
  public Optional<SubmissionStatus> latestStatus(UUID flowId) {
    return jdbc.first(
        "SELECT status FROM submission WHERE flow_id = ? ORDER BY attempt DESC LIMIT 1",
        statement -> statement.setObject(1, flowId),
        rows -> SubmissionStatus.valueOf(rows.getString(1)));
  }

  /** Inserts a new submission and counts its attempt on the flow. */
  public void insert(Submission submission) {
    jdbc.update(
        "INSERT INTO submission (id, flow_id, attempt, status, image_content_type, image_bytes,"
            + " image_width, image_height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> {
          statement.setObject(1, submission.id);
          statement.setObject(2, submission.flowId);
          statement.setInt(3, submission.attempt);
          statement.setString(4, submission.status.name());
          statement.setString(5, submission.imageContentType);
          statement.setInt(6, submission.imageBytes);
          statement.setInt(7, submission.imageWidth);
          statement.setInt(8, submission.imageHeight);
          statement.setObject(9, Jdbc.timestamp(submission.createdAt));
        });
    jdbc.update(
        "UPDATE flow SET attempts_used = ?, updated_at = ? WHERE id = ?",
        statement -> {
          statement.setInt(1, submission.attempt);
          statement.setObject(2, Jdbc.timestamp(submission.createdAt));
          statement.setObject(3, submission.flowId);
        });
  }
}
