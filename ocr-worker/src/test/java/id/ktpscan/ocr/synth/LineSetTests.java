package id.ktpscan.ocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.engine.OcrSession;
import id.ktpscan.ocr.engine.TextBox;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSetTests {

  /** Detection only (LineSet cuts with the detector; the stock recogniser is loaded, unused). */
  private static OcrModels models;

  @BeforeAll
  static void load() throws IOException {
    models =
        OcrModels.load(OcrModels.Config.defaults().withRecognizer(OcrModels.Recognizer.PPOCR_V4));
  }

  @AfterAll
  static void close() {
    models.close();
  }

  private static final List<RenderedCard.PrintedText> ROW =
      List.of(
          new RenderedCard.PrintedText("Nama", new Rectangle(30, 100, 50, 15)),
          new RenderedCard.PrintedText(":", new Rectangle(230, 103, 4, 12)),
          new RenderedCard.PrintedText("BUDI SANTOSO", new Rectangle(250, 100, 150, 15)),
          new RenderedCard.PrintedText("Agama", new Rectangle(30, 134, 60, 15)));

  @Test
  void labelsABoxWithTheStringsWhollyInsideItSpacedByTheirGaps() {
    assertThat(LineSet.label(box(226, 96, 406, 118), ROW)).isEqualTo(": BUDI SANTOSO");
    assertThat(LineSet.label(box(26, 96, 84, 118), ROW)).isEqualTo("Nama");
    // A colon set close to its value: no space between them.
    List<RenderedCard.PrintedText> tight =
        List.of(
            new RenderedCard.PrintedText(":", new Rectangle(245, 103, 4, 12)),
            new RenderedCard.PrintedText("3204", new Rectangle(251, 100, 60, 15)));
    assertThat(LineSet.label(box(241, 96, 316, 118), tight)).isEqualTo(":3204");
  }

  @Test
  void leavesOutBoxesThatCutAStringSpanRowsOrHoldOtherInk() {
    assertThat(LineSet.label(box(226, 96, 330, 118), ROW)).as("cuts the name").isNull();
    assertThat(LineSet.label(box(26, 96, 94, 152), ROW)).as("two rows").isNull();
    assertThat(LineSet.label(box(226, 96, 480, 118), ROW)).as("ink beyond the text").isNull();
    assertThat(LineSet.label(box(500, 300, 600, 320), ROW)).as("no text").isNull();
  }

  @Test
  void cutsLabelledLinesFromGeneratedPhotosDeterministically() throws IOException {
    LineSet set = new LineSet(SynthFixtures.AREAS);
    try (OcrSession session = models.newSession()) {
      List<LineSet.Line> lines = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        lines.addAll(set.lines(session, 77, i, 32));
      }
      List<LineSet.Line> again = set.lines(session, 77, 0, 32);

      assertThat(lines).hasSizeGreaterThan(30);
      assertThat(lines)
          .allSatisfy(
              line -> {
                assertThat(line.height()).isEqualTo(32);
                assertThat(line.grey()).hasSize(line.width() * 32);
                assertThat(line.text()).isNotBlank().doesNotStartWith(" ").doesNotEndWith(" ");
              });
      assertThat(lines).extracting(LineSet.Line::text).contains("Nama", "Jenis Kelamin");
      assertThat(again)
          .extracting(LineSet.Line::text)
          .containsExactlyElementsOf(
              lines.subList(0, again.size()).stream().map(LineSet.Line::text).toList());
    }
  }

  @Test
  void namesOnlyKeepsTheNameLineOfEachCardAndNothingElse() throws IOException {
    LineSet set = new LineSet(SynthFixtures.AREAS);
    try (OcrSession session = models.newSession()) {
      int names = 0;
      for (int i = 0; i < 4; i++) {
        List<LineSet.Line> all = set.lines(session, 79, i, 32);
        List<LineSet.Line> only = set.lines(session, 79, i, 32, true);
        assertThat(only).hasSizeLessThanOrEqualTo(1);
        // The name line is one of the card's lines, cut the same way.
        for (LineSet.Line line : only) {
          assertThat(all)
              .anySatisfy(
                  l -> {
                    assertThat(l.text()).isEqualTo(line.text());
                    assertThat(l.grey()).isEqualTo(line.grey());
                  });
          assertThat(line.text()).doesNotContain("Nama").doesNotContain("NIK");
        }
        names += only.size();
      }
      assertThat(names).as("most cards give their name line").isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void holdsNameMatchesTheLineEndingWithThePrintedName() {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Rectangle nameBox = new java.awt.Rectangle(240, 96, 160, 22);
    RenderedCard card =
        new RenderedCard(
            image,
            java.util.Map.of(id.ktpscan.contracts.KtpField.NAME, nameBox),
            List.of(
                new RenderedCard.PrintedText("Nama", new java.awt.Rectangle(26, 96, 58, 22)),
                new RenderedCard.PrintedText("BUDI SANTOSO", nameBox)));
    assertThat(LineSet.holdsName(": BUDI SANTOSO", card)).isTrue();
    assertThat(LineSet.holdsName("BUDI SANTOSO", card)).isTrue();
    assertThat(LineSet.holdsName("Nama", card)).isFalse();
    assertThat(LineSet.holdsName("BUDI", card)).isFalse();
  }

  @Test
  void processesSharingThePartsWriteWhatOneProcessWrites(@TempDir Path dir) throws Exception {
    LineSet set = new LineSet(SynthFixtures.AREAS);
    long whole = set.write(models, 4, 78, dir.resolve("one"), 32, 2);
    long first = set.write(models, 4, 78, dir.resolve("parts"), 32, 1, 0, 2, false);
    long second = set.write(models, 4, 78, dir.resolve("parts"), 32, 1, 1, 2, false);
    assertThat(first + second).isEqualTo(whole).isPositive();
    for (String file : List.of("part-0.bin", "part-1.bin")) {
      assertThat(Files.readAllBytes(dir.resolve("parts").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
    }
  }

  private static TextBox box(double x0, double y0, double x1, double y1) {
    return TextBox.fromCorners(
        new TextBox.Vertex[] {
          new TextBox.Vertex(x0, y0),
          new TextBox.Vertex(x1, y0),
          new TextBox.Vertex(x1, y1),
          new TextBox.Vertex(x0, y1)
        },
        1.0);
  }
}
