package id.ktpscan.contracts;

/** What the capture SDK should do after a status poll. */
public enum NextAction {
  /** Keep polling the status endpoint after {@code pollAfterMs}. */
  STATUS,
  /** Show the retry reasons and capture another photo. */
  RETRY,
  /** The flow is over: done, failed, or out of attempts. */
  EXIT;

  /**
   * The status → next-action table of the flow.
   *
   * @param status the latest submission's status
   * @param attemptsLeft how many more photos the flow accepts
   */
  public static NextAction of(SubmissionStatus status, int attemptsLeft) {
    return switch (status) {
      case PROCESSING -> STATUS;
      case RETRY_REQUIRED -> attemptsLeft > 0 ? RETRY : EXIT;
      case COMPLETED, FAILED -> EXIT;
    };
  }
}
