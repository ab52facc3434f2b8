package id.ktpscan.bench.ocr;

import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.Token;
import id.ktpscan.ocr.pipeline.TextSource;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.Word;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The baseline: Debian's Tesseract 5 (LSTM, Indonesian model) reading the same rectified card as
 * PP-OCR. Words are grouped into pieces the way a text detector boxes them (words closer than about
 * one text height belong together), so that the layout and the checks downstream are the very same
 * code for both engines.
 */
final class TesseractTextSource implements TextSource {

  static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

  private final Tesseract tesseract = new Tesseract();

  TesseractTextSource() {
    tesseract.setDatapath(System.getenv().getOrDefault("TESSDATA_PREFIX", TESSDATA));
    tesseract.setLanguage("ind");
    tesseract.setOcrEngineMode(1); // LSTM only
    tesseract.setPageSegMode(11); // sparse text: a card is not a page of paragraphs
    tesseract.setVariable("user_defined_dpi", "300");
  }

  @Override
  public List<Token> read(Mat card) {
    BufferedImage image = toImage(card);
    List<Word> words = tesseract.getWords(image, TessPageIteratorLevel.RIL_WORD);
    List<Token> pieces = new ArrayList<>();
    List<Word> sorted = new ArrayList<>(words);
    sorted.removeIf(w -> w.getText() == null || w.getText().isBlank());
    sorted.sort(Comparator.comparingDouble((Word w) -> w.getBoundingBox().getCenterY()));
    List<List<Word>> rows = new ArrayList<>();
    for (Word w : sorted) {
      List<Word> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      Rectangle box = w.getBoundingBox();
      if (row != null
          && Math.abs(box.getCenterY() - row.get(0).getBoundingBox().getCenterY())
              <= 0.5 * row.get(0).getBoundingBox().height) {
        row.add(w);
      } else {
        List<Word> next = new ArrayList<>();
        next.add(w);
        rows.add(next);
      }
    }
    for (List<Word> row : rows) {
      row.sort(Comparator.comparingInt(w -> w.getBoundingBox().x));
      StringBuilder text = new StringBuilder();
      double confidence = 0;
      int count = 0;
      Rectangle piece = null;
      for (Word w : row) {
        Rectangle box = w.getBoundingBox();
        boolean split =
            piece != null
                && (box.x - (piece.x + piece.width) > 1.2 * Math.max(box.height, piece.height)
                    || (piece.x < CardLayout.PHOTO_LEFT && box.x >= CardLayout.PHOTO_LEFT));
        if (split) {
          pieces.add(token(text, confidence / count, piece));
          text.setLength(0);
          confidence = 0;
          count = 0;
          piece = null;
        }
        if (piece == null) {
          piece = new Rectangle(box);
        } else {
          text.append(' ');
          piece.add(box);
        }
        text.append(w.getText().strip());
        confidence += Math.max(0, Math.min(100, w.getConfidence())) / 100.0;
        count++;
      }
      if (piece != null) {
        pieces.add(token(text, confidence / count, piece));
      }
    }
    return pieces;
  }

  private static Token token(CharSequence text, double confidence, Rectangle box) {
    return new Token(
        text.toString(), confidence, box.x, box.y, box.x + box.width, box.y + box.height);
  }

  private static BufferedImage toImage(Mat bgr) {
    Mat gray = new Mat();
    Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
    BufferedImage image = new BufferedImage(gray.cols(), gray.rows(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    gray.get(0, 0, data);
    gray.release();
    return image;
  }

  @Override
  public void close() {
    // Tess4J's Tesseract frees its native handle after each call.
  }
}
