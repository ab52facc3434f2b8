package id.ktpscan.contracts.events;

/**
 * One field read from a card.
 *
 * @param value the normalised value; null when the field could not be read
 * @param confidence in [0, 1]; 0 when {@code value} is null
 */
public record ExtractedField(String value, double confidence) {

  public ExtractedField {
    if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in [0, 1]");
    }
  }

  @Override
  public String toString() {
    // Values are personal data; keep them out of any accidental log line.
    return "ExtractedField[value="
        + (value == null ? "null" : "<redacted>")
        + ", confidence="
        + confidence
        + "]";
  }
}
