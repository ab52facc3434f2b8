package id.ktpscan.contracts;

/** Kafka topic names, defined once for every producer and consumer. */
public final class Topics {

  /** {@code SubmissionCreated}, keyed by submission id; produced by iab-gateway's outbox relay. */
  public static final String SUBMISSIONS = "ktp.submissions.v1";

  /** {@code SubmissionProcessed}, keyed by submission id; produced by ocr-worker. */
  public static final String RESULTS = "ktp.results.v1";

  /** Submissions that ocr-worker could not even parse or decrypt (poison messages). */
  public static final String SUBMISSIONS_DLQ = "ktp.submissions.dlq.v1";

  private Topics() {}
}
