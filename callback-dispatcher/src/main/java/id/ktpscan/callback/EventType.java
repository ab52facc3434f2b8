package id.ktpscan.callback;

import id.ktpscan.contracts.ScanOutcome;

/** The webhook event types a partner can subscribe to. */
public enum EventType {
  /** A scan ended: fields were extracted, or it failed for good. */
  KTP_SCAN_COMPLETED,
  /** The photo could not be read and the user was asked for another one. */
  KTP_SCAN_RETRY_REQUIRED;

  public static EventType of(ScanOutcome outcome) {
    return outcome == ScanOutcome.RETRY_REQUIRED ? KTP_SCAN_RETRY_REQUIRED : KTP_SCAN_COMPLETED;
  }
}
