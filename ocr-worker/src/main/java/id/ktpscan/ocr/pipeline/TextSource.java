package id.ktpscan.ocr.pipeline;

import id.ktpscan.ocr.layout.Token;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;

/**
 * Reads the text of a rectified card: PP-OCR through DJL in production; another engine (the
 * Tesseract baseline of the benchmark) can be plugged in to compare on the same cards with the same
 * layout and validation.
 */
public interface TextSource extends AutoCloseable {

  /** The text pieces of the upright canonical card, in card coordinates. */
  List<Token> read(Mat card);

  /** The text pieces anywhere in an image that is not a rectified card (a whole photo). */
  default List<Token> readAnywhere(Mat image) {
    return read(image);
  }

  /**
   * Reads the given pieces again under another view (the card stretched horizontally), joined by
   * spaces; empty when the engine offers no second view. A reading that changes with the view was
   * not a sure one.
   */
  default Optional<String> reread(Mat card, List<Token> tokens) {
    return Optional.empty();
  }

  /**
   * A third view (the card drawn narrower), asked for only when the first two disagree, to let a
   * majority of views decide; empty when the engine offers none.
   */
  default Optional<String> rereadThird(Mat card, List<Token> tokens) {
    return Optional.empty();
  }

  /**
   * The given pieces read by a second, independently trained recogniser, joined by spaces: one
   * reading per view it is asked for (the first view, then the stretched one); empty when the
   * engine has none. Two views through one model share its blind spots (both read {@code MARKUS
   * WANMA} as {@code MARKUS WANAA}); another model mostly does not.
   */
  default List<String> crossRead(Mat card, List<Token> tokens) {
    return List.of();
  }

  /**
   * The given pieces read again from boxes grown up and down by {@link #TALLER} of their height, at
   * the first view and at the stretched one, each reading with its confidence; empty when the
   * engine offers none. The detector can draw its box tight inside tall bold digits (a large NIK),
   * cutting their tops and bottoms off, and the recogniser then reads letters where there are
   * digits.
   */
  default List<Reading> rereadTaller(Mat card, List<Token> tokens) {
    return List.of();
  }

  /**
   * The lowest name confidence this engine's name is delivered at. Engines score their readings on
   * scales of their own: the default is the 0.80 every engine used until the KTP recogniser's floor
   * was measured ({@link id.ktpscan.ocr.engine.OcrModels.Recognizer#nameConfidenceFloor}).
   */
  default double nameConfidenceFloor() {
    return 0.80;
  }

  /** Share of a box's height added above and below it by {@link #rereadTaller}. */
  double TALLER = 0.2;

  /** One reading of some pieces: the text joined by spaces, and the lowest line confidence. */
  record Reading(String text, double confidence) {}

  @Override
  void close();
}
