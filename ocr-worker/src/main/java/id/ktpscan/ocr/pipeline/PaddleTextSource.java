package id.ktpscan.ocr.pipeline;

import id.ktpscan.ocr.engine.OcrSession;
import id.ktpscan.ocr.engine.TextBox;
import id.ktpscan.ocr.engine.TextLine;
import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.Token;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * PP-OCR detection and recognition (one {@link OcrSession} per thread). Text starting inside the
 * photo column (issuing city and date) is not recognised: no field comes from there.
 */
final class PaddleTextSource implements TextSource {

  private final OcrSession session;

  PaddleTextSource(OcrSession session) {
    this.session = session;
  }

  @Override
  public List<Token> read(Mat card) {
    List<TextBox> boxes = new ArrayList<>();
    for (TextBox box : session.detect(card)) {
      double x0 = Math.min(box.topLeft().x(), box.bottomLeft().x());
      double cy = box.centerY();
      if (x0 >= CardLayout.PHOTO_LEFT && cy > 0.2 * CardLayout.HEIGHT) {
        continue;
      }
      boxes.add(box);
    }
    List<TextLine> lines = session.recognize(card, boxes);
    List<Token> tokens = new ArrayList<>(lines.size());
    for (TextLine line : lines) {
      tokens.add(token(line));
    }
    return tokens;
  }

  static Token token(TextLine line) {
    TextBox b = line.box();
    double x0 = Math.min(b.topLeft().x(), b.bottomLeft().x());
    double x1 = Math.max(b.topRight().x(), b.bottomRight().x());
    double y0 = Math.min(b.topLeft().y(), b.topRight().y());
    double y1 = Math.max(b.bottomLeft().y(), b.bottomRight().y());
    return new Token(line.text(), line.confidence(), x0, y0, x1, y1);
  }

  @Override
  public void close() {
    session.close();
  }
}
