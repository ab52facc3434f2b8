package id.ktpscan.ocr.pipeline;

import id.ktpscan.ocr.layout.Token;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Reads the text of a rectified card: PP-OCR through DJL in production; another engine (the
 * Tesseract baseline of the benchmark) can be plugged in to compare on the same cards with the same
 * layout and validation.
 */
public interface TextSource extends AutoCloseable {

  /** The text pieces of the upright canonical card, in card coordinates. */
  List<Token> read(Mat card);

  @Override
  void close();
}
