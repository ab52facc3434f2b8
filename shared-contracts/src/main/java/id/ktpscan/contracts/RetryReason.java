package id.ktpscan.contracts;

/** Why a photo cannot give reliable key fields; the SDK turns each into advice for the user. */
public enum RetryReason {
  NO_CARD,
  NOT_KTP,
  BLURRY,
  GLARE,
  TOO_DARK,
  TOO_SMALL,
  CROPPED,
  UNREADABLE
}
