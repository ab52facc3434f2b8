package id.ktpscan.ocr.pipeline;

import id.ktpscan.ocr.engine.OcrSession;
import id.ktpscan.ocr.engine.TextBox;
import id.ktpscan.ocr.engine.TextLine;
import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PP-OCR detection and recognition (one {@link OcrSession} per thread). Text starting inside the
 * photo column (issuing city and date) is not recognised: no field comes from there.
 */
final class PaddleTextSource implements TextSource {

  private final OcrSession session;
  private final double stretch;
  private final double thirdStretch;
  private final OcrSession checker;
  private final double nameConfidenceFloor;

  /**
   * @param stretch horizontal stretch of the second view of the NIK and name ({@link #reread})
   * @param thirdStretch horizontal stretch of the third view ({@link #rereadThird}); 0 for none
   * @param checker the second recogniser's session ({@link #crossRead}: the first view and the
   *     {@code stretch} one), closed with this source; {@code null} for none
   * @param nameConfidenceFloor the recogniser's {@link #nameConfidenceFloor()}
   */
  PaddleTextSource(
      OcrSession session,
      double stretch,
      double thirdStretch,
      OcrSession checker,
      double nameConfidenceFloor) {
    this.session = session;
    this.stretch = stretch;
    this.thirdStretch = thirdStretch;
    this.checker = checker;
    this.nameConfidenceFloor = nameConfidenceFloor;
  }

  @Override
  public double nameConfidenceFloor() {
    return nameConfidenceFloor;
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

  @Override
  public List<Token> readAnywhere(Mat image) {
    List<Token> tokens = new ArrayList<>();
    for (TextLine line : session.readLines(image)) {
      tokens.add(token(line));
    }
    return tokens;
  }

  /** Room around a piece whose box was cut from a longer one at a colon. */
  static final double PAD = 4;

  @Override
  public Optional<String> reread(Mat card, List<Token> tokens) {
    return view(session, card, tokens, stretch);
  }

  @Override
  public Optional<String> rereadThird(Mat card, List<Token> tokens) {
    return thirdStretch > 0 ? view(session, card, tokens, thirdStretch) : Optional.empty();
  }

  @Override
  public List<String> crossRead(Mat card, List<Token> tokens) {
    if (checker == null) {
      return List.of();
    }
    List<String> readings = new ArrayList<>(2);
    view(checker, card, tokens, 1.0).ifPresent(readings::add);
    view(checker, card, tokens, stretch).ifPresent(readings::add);
    return readings;
  }

  @Override
  public List<Reading> rereadTaller(Mat card, List<Token> tokens) {
    List<Reading> readings = new ArrayList<>(2);
    readPieces(session, card, tokens, 1.0, TALLER).ifPresent(readings::add);
    readPieces(session, card, tokens, stretch, TALLER).ifPresent(readings::add);
    return readings;
  }

  private static Optional<String> view(
      OcrSession session, Mat card, List<Token> tokens, double stretch) {
    return readPieces(session, card, tokens, stretch, 0).map(Reading::text);
  }

  /**
   * Reads the pieces' detector boxes (padded left and right by {@link #PAD}, grown up and down by
   * {@code grow} of their height) on the card stretched horizontally by {@code stretch}.
   */
  private static Optional<Reading> readPieces(
      OcrSession session, Mat card, List<Token> tokens, double stretch, double grow) {
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Mat wide = card;
    if (stretch != 1.0) {
      wide = new Mat();
      Imgproc.resize(
          card,
          wide,
          new Size(Math.round(card.cols() * stretch), card.rows()),
          0,
          0,
          Imgproc.INTER_CUBIC);
    }
    try {
      List<TextBox> boxes = new ArrayList<>();
      // Boxes as the detector found them: a piece cut at a colon has only an estimated box.
      for (Token t : new java.util.LinkedHashSet<>(tokens.stream().map(Token::origin).toList())) {
        double extra = grow * (t.y1() - t.y0());
        double y0 = Math.max(0, t.y0() - extra);
        double y1 = Math.min(card.rows() - 1, t.y1() + extra);
        TextBox.Vertex[] corners = {
          new TextBox.Vertex(Math.max(0, t.x0() - PAD) * stretch, y0),
          new TextBox.Vertex(Math.min(card.cols() - 1, t.x1() + PAD) * stretch, y0),
          new TextBox.Vertex(Math.min(card.cols() - 1, t.x1() + PAD) * stretch, y1),
          new TextBox.Vertex(Math.max(0, t.x0() - PAD) * stretch, y1)
        };
        boxes.add(TextBox.fromCorners(corners, 1.0));
      }
      StringBuilder text = new StringBuilder();
      double confidence = 1;
      for (TextLine line : session.recognize(wide, boxes)) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(line.text());
        confidence = Math.min(confidence, line.confidence());
      }
      return Optional.of(new Reading(text.toString(), confidence));
    } finally {
      if (wide != card) {
        wide.release();
      }
    }
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
    try {
      if (checker != null) {
        checker.close();
      }
    } finally {
      session.close();
    }
  }
}
