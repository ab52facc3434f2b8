package id.ktpscan.contracts;

/** Lifecycle of one submission (one uploaded photo) as iab-gateway reports it. */
public enum SubmissionStatus {
  /** Accepted and queued or being read by ocr-worker. */
  PROCESSING,
  /** The photo could not give reliable key fields; the user may take another one. */
  RETRY_REQUIRED,
  /** Fields were extracted and validated. */
  COMPLETED,
  /** An internal error ended the submission; retrying the same photo will not help. */
  FAILED;

  /** Whether no further result will change this submission. */
  public boolean isFinal() {
    return this != PROCESSING;
  }
}
