package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Runs the bundled detector and the bundled recognisers on plain lines of KTP text (black on a
 * white page): the stock PP-OCRv4 model reads them; both read the same one by one as in batches.
 */
class OcrSessionTests {

  static final List<String> LINES =
      List.of(
          "NIK : 3204054107950004",
          "BUDI SANTOSO",
          "JL. MELATI RAYA NO. 12",
          "KARYAWAN SWASTA",
          "PEREMPUAN");

  private static final Map<OcrModels.Recognizer, OcrModels> MODELS =
      new EnumMap<>(OcrModels.Recognizer.class);
  private static Mat image;

  @BeforeAll
  static void load() throws IOException {
    for (OcrModels.Recognizer recognizer : OcrModels.Recognizer.values()) {
      MODELS.put(
          recognizer, OcrModels.load(OcrModels.Config.defaults().withRecognizer(recognizer)));
    }
    image = render(LINES);
  }

  @AfterAll
  static void close() {
    image.release();
    MODELS.values().forEach(OcrModels::close);
  }

  @Test
  void findsOneBoxPerLineInReadingOrder() {
    try (OcrSession session = MODELS.get(OcrModels.Recognizer.KTP).newSession()) {
      List<TextBox> boxes = session.detect(image);

      assertThat(boxes).hasSize(LINES.size());
      for (int i = 1; i < boxes.size(); i++) {
        assertThat(boxes.get(i).centerY()).isGreaterThan(boxes.get(i - 1).centerY());
      }
      assertThat(boxes).allSatisfy(box -> assertThat(Math.abs(box.angle())).isLessThan(2));
    }
  }

  // The KTP recogniser knows only card lines (ink on the card's pale background, the card's
  // sizes): it misreads black bold text on a white page, so these two run the stock model only.
  @ParameterizedTest
  @EnumSource(names = "PPOCR_V4")
  void readsDigitsAndWordsWithTheirSpaces(OcrModels.Recognizer recognizer) {
    try (OcrSession session = MODELS.get(recognizer).newSession()) {
      List<TextLine> lines = session.readLines(image);

      assertThat(lines).extracting(TextLine::text).containsExactlyElementsOf(LINES);
      assertThat(lines).allSatisfy(line -> assertThat(line.confidence()).isGreaterThan(0.8));
    }
  }

  @ParameterizedTest
  @EnumSource(OcrModels.Recognizer.class)
  void readsTheSameInBatchesAsOneByOne(OcrModels.Recognizer recognizer) {
    OcrModels models = MODELS.get(recognizer);
    try (OcrSession session = models.newSession();
        OcrSession batched =
            models.newSession(
                TextDetector.Options.DEFAULTS, models.recognizerOptions().withBatchSize(8))) {
      List<TextBox> boxes = session.detect(image);
      List<TextLine> single = session.recognize(image, boxes);
      assertThat(batched.recognize(image, boxes))
          .extracting(TextLine::text)
          .containsExactlyElementsOf(single.stream().map(TextLine::text).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(names = "PPOCR_V4")
  void placesEachCharacterInImageCoordinates(OcrModels.Recognizer recognizer) {
    try (OcrSession session = MODELS.get(recognizer).newSession()) {
      TextLine nik = session.readLines(image).get(0);
      TextBox box = nik.box();

      assertThat(String.join("", nik.glyphs().stream().map(TextLine.Glyph::text).toList()))
          .isEqualTo(nik.text());
      double colonX =
          nik.glyphs().stream().filter(g -> g.text().equals(":")).findFirst().orElseThrow().x();
      double firstDigitX =
          nik.glyphs().stream().filter(g -> g.text().equals("3")).findFirst().orElseThrow().x();
      assertThat(colonX).isBetween(box.topLeft().x(), firstDigitX);
      assertThat(nik.glyphs())
          .allSatisfy(g -> assertThat(g.x()).isBetween(box.topLeft().x(), box.topRight().x()));
    }
  }

  /** White page, black DejaVu Sans Bold 28 px, one line every 56 px, as BGR. */
  static Mat render(List<String> lines) {
    BufferedImage page =
        new BufferedImage(720, 56 * lines.size() + 40, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = page.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, page.getWidth(), page.getHeight());
      g.setColor(Color.BLACK);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font("DejaVu Sans", Font.BOLD, 28));
      for (int i = 0; i < lines.size(); i++) {
        g.drawString(lines.get(i), 40, 56 + 56 * i);
      }
    } finally {
      g.dispose();
    }
    byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
    Mat mat = new Mat(page.getHeight(), page.getWidth(), CvType.CV_8UC3);
    mat.put(0, 0, pixels);
    return mat;
  }
}
