package id.ktpscan.iab.service;

import id.ktpscan.contracts.NextAction;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.SubmissionStatus;
import id.ktpscan.contracts.events.ScanResult;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.iab.Flow;
import id.ktpscan.iab.Submission;
import id.ktpscan.iab.config.Ciphers;
import id.ktpscan.iab.config.IabConfig;
import id.ktpscan.iab.repository.FlowRepository;
import id.ktpscan.iab.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the SDK polls and what the partner's backend reads back. */
@ApplicationScoped
public class SubmissionQueries {

  /** The status poll answer. */
  public record StatusView(
      String correlationId,
      UUID submissionId,
      SubmissionStatus status,
      NextAction nextAction,
      List<RetryReason> reasons,
      int attempt,
      int attemptsLeft,
      Long pollAfterMs) {}

  /** One attempt, without personal data. */
  public record AttemptView(
      UUID submissionId,
      int attempt,
      SubmissionStatus status,
      List<RetryReason> reasons,
      String imageContentType,
      int imageWidth,
      int imageHeight,
      Instant createdAt,
      Instant processedAt) {}

  /** The partner's view of a flow: attempts and, when a card was read, its fields. */
  public record DetailsView(
      String correlationId,
      UUID flowId,
      Flow.Status flowStatus,
      SubmissionStatus status,
      String partnerUserId,
      String partnerUserIdType,
      int maxAttempts,
      int attemptsUsed,
      List<AttemptView> attempts,
      ScanResult result,
      boolean resultPurged,
      Instant createdAt,
      Instant updatedAt) {
    @Override
    public String toString() {
      return "DetailsView[flowId=" + flowId + "]";
    }
  }

  private final FlowRepository flows;
  private final SubmissionRepository submissions;
  private final PersonalData personalData;
  private final long pollAfterMs;

  public SubmissionQueries(
      FlowRepository flows, SubmissionRepository submissions, Ciphers ciphers, IabConfig config) {
    this.flows = flows;
    this.submissions = submissions;
    this.personalData = new PersonalData(ciphers.data());
    this.pollAfterMs = config.pollAfterMs();
  }

  /** The latest submission of the caller's flow and what the SDK should do next. */
  public StatusView status(String partnerId, UUID flowId) {
    Flow flow = flows.find("id = ?1 and partnerId = ?2", flowId, partnerId).firstResult();
    if (flow == null) {
      throw new ProblemException(404, "FLOW_NOT_FOUND", "Not found", "No such flow.");
    }
    Submission latest =
        submissions
            .findLatest(flow.id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        404, "NO_SUBMISSION", "Not found", "No photo was submitted yet."));
    int attemptsLeft = flow.attemptsLeft();
    NextAction next = NextAction.of(latest.status, attemptsLeft);
    return new StatusView(
        flow.correlationId,
        latest.id,
        latest.status,
        next,
        latest.reasonList(),
        latest.attempt,
        attemptsLeft,
        next == NextAction.STATUS ? pollAfterMs : null);
  }

  /**
   * The details of a partner's flow.
   *
   * @throws ProblemException 404 for an unknown correlation id, including another partner's
   */
  public DetailsView details(String partnerId, String correlationId) {
    Flow flow =
        flows
            .findByCorrelation(partnerId, correlationId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        404,
                        "SUBMISSION_NOT_FOUND",
                        "Not found",
                        "No flow with this correlationId."));
    List<Submission> all = submissions.listByFlow(flow.id);
    Submission latest = all.isEmpty() ? null : all.get(all.size() - 1);
    ScanResult result = null;
    boolean purged = false;
    for (Submission submission : all) {
      if (submission.status == SubmissionStatus.COMPLETED) {
        if (submission.resultEncrypted != null) {
          result = readResult(submission);
        } else {
          purged = submission.resultPurgedAt != null;
        }
      }
    }
    return new DetailsView(
        flow.correlationId,
        flow.id,
        flow.status,
        latest == null ? null : latest.status,
        personalData.decryptText(flow.partnerUserEncrypted, flow.id),
        flow.partnerUserIdType,
        flow.maxAttempts,
        flow.attemptsUsed,
        all.stream()
            .map(
                s ->
                    new AttemptView(
                        s.id,
                        s.attempt,
                        s.status,
                        s.reasonList(),
                        s.imageContentType,
                        s.imageWidth,
                        s.imageHeight,
                        s.createdAt,
                        s.processedAt))
            .toList(),
        result,
        purged,
        flow.createdAt,
        flow.updatedAt);
  }

  private ScanResult readResult(Submission submission) {
    try {
      return KtpJson.mapper()
          .readValue(
              personalData.decrypt(submission.resultEncrypted, submission.id), ScanResult.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored result of " + submission.id + " is unreadable", e);
    }
  }
}
