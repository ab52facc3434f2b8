package id.ktpscan.contracts;

/** Result of one validation check on the extracted fields. */
public enum CheckResult {
  PASS,
  FAIL,
  /** The inputs of the check were missing or unreadable. */
  NOT_CHECKED
}
