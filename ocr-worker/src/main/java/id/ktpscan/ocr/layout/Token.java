package id.ktpscan.ocr.layout;

/**
 * A piece of recognised text on the canonical card: its text, the recogniser's confidence and its
 * box in canonical card coordinates ({@link CardLayout#WIDTH} × {@link CardLayout#HEIGHT}).
 */
public record Token(
    String text, double confidence, double x0, double y0, double x1, double y1, Token source) {

  public Token(String text, double confidence, double x0, double y0, double x1, double y1) {
    this(text, confidence, x0, y0, x1, y1, null);
  }

  /** The token as the engine read it, before any split at a colon. */
  public Token origin() {
    return source == null ? this : source;
  }

  public double cx() {
    return (x0 + x1) / 2;
  }

  public double cy() {
    return (y0 + y1) / 2;
  }

  public double height() {
    return y1 - y0;
  }

  /**
   * The part of this token from character {@code from} to {@code to}, its box cut in proportion to
   * the characters (good enough to split {@code Nama : BUDI} at the colon).
   */
  public Token slice(int from, int to) {
    int length = Math.max(1, text.length());
    double w = x1 - x0;
    return new Token(
        text.substring(from, to),
        confidence,
        x0 + w * from / length,
        y0,
        x0 + w * to / length,
        y1,
        origin());
  }

  /** The same token with surrounding spaces cut from its text. */
  public Token trimmed() {
    String stripped = text.strip();
    if (stripped.length() == text.length()) {
      return this;
    }
    int lead = text.indexOf(stripped.isEmpty() ? text : stripped);
    return slice(lead, lead + stripped.length());
  }

  @Override
  public String toString() {
    // Token text can be personal data; keep it out of accidental log lines.
    return "Token[" + text.length() + " chars at " + (int) x0 + "," + (int) y0 + "]";
  }
}
