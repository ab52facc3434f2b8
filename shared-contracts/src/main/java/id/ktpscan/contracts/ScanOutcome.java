package id.ktpscan.contracts;

/** What ocr-worker concluded about one photo. */
public enum ScanOutcome {
  EXTRACTED,
  RETRY_REQUIRED,
  /** Internal failure (not the photo's fault). */
  FAILED;

  /** The submission status this outcome leads to. */
  public SubmissionStatus toStatus() {
    return switch (this) {
      case EXTRACTED -> SubmissionStatus.COMPLETED;
      case RETRY_REQUIRED -> SubmissionStatus.RETRY_REQUIRED;
      case FAILED -> SubmissionStatus.FAILED;
    };
  }
}
