package id.ktpscan.ocr.engine;

import java.util.List;

/**
 * A recognised line with where each character sits, so that a layout stage can split a line (at a
 * colon, say) by position rather than by guessing from the text.
 *
 * @param text the line's text, NFKC-normalised, with recovered spaces
 * @param confidence mean probability of the recogniser's own emissions (0..1)
 * @param box where the line was found
 * @param glyphs the pieces of {@code text} in order; their texts concatenate to {@code text}
 */
public record TextLine(String text, double confidence, TextBox box, List<Glyph> glyphs) {

  public TextLine {
    glyphs = List.copyOf(glyphs);
  }

  /**
   * One emitted character (or a recovered space) and its position.
   *
   * @param text usually one character; an NFKC expansion may be longer
   * @param x centre of the character in image coordinates
   * @param y centre of the character in image coordinates (on the line's midline)
   * @param probability the recogniser's probability for it (for a recovered space, the space
   *     evidence, possibly 0 when an ink gap alone made it)
   * @param recovered true for a space inserted by the decoder
   */
  public record Glyph(String text, double x, double y, double probability, boolean recovered) {}
}
