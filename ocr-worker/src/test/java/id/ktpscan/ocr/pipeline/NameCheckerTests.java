package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.layout.Token;
import id.ktpscan.ocr.synth.SyntheticSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The name checker: the name is read again by a second recogniser ({@link
 * OcrModels.Recognizer#KTP_V3} by default), and a card is extracted only when both read the same
 * name, letter for letter, with no space the first did not read (it may have lost some). The
 * checker's reading is bent here on purpose (one letter, one space more, one space less) to show
 * which differences keep the name from being delivered.
 */
class NameCheckerTests {

  @TempDir static Path dir;
  private static KtpPipeline pipeline;
  private static SyntheticSet.Sample sample;

  @BeforeAll
  static void load() throws Exception {
    SyntheticSet.generate(6, 20261127L, dir, false);
    // A clean render of a name of two words at least: every bend below applies to it.
    sample =
        SyntheticSet.read(dir).stream()
            .filter(s -> s.positive() && s.clean() != null)
            .filter(s -> s.fields().get(KtpField.NAME).contains(" "))
            .findFirst()
            .orElseThrow();
    pipeline = KtpPipeline.load(KtpPipeline.Options.defaults());
  }

  @AfterAll
  static void close() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** Reads the sample's clean render, the checker's reading passed through {@code bend}. */
  private static CardScan scan(UnaryOperator<String> bend, AtomicInteger asked) {
    try (CardReader reader = pipeline.newReader(new Bent(pipeline.newTextSource(), bend, asked))) {
      Mat card = Imgcodecs.imread(sample.clean().toString(), Imgcodecs.IMREAD_COLOR);
      try {
        return reader.scanFlatCard(card);
      } finally {
        card.release();
      }
    }
  }

  @Test
  void aNameBothModelsReadAlikeIsDelivered() {
    AtomicInteger asked = new AtomicInteger();
    CardScan scan = scan(UnaryOperator.identity(), asked);

    assertThat(asked.get()).as("checker consulted").isEqualTo(1);
    assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
    assertThat(scan.value(KtpField.NAME)).isEqualTo(sample.fields().get(KtpField.NAME));
  }

  @Test
  void aNameTheCheckerReadsWithOneLetterChangedIsNotDelivered() {
    CardScan scan = scan(NameCheckerTests::changeLastLetter, new AtomicInteger());

    assertThat(scan.outcome()).isEqualTo(ScanOutcome.RETRY_REQUIRED);
    assertThat(scan.reasons()).containsExactly(RetryReason.UNREADABLE);
  }

  @Test
  void aNameTheCheckerReadsWithAnExtraSpaceIsNotDelivered() {
    CardScan scan = scan(NameCheckerTests::splitLastWord, new AtomicInteger());

    assertThat(scan.outcome()).isEqualTo(ScanOutcome.RETRY_REQUIRED);
    assertThat(scan.reasons()).containsExactly(RetryReason.UNREADABLE);
  }

  @Test
  void aNameTheCheckerReadsWithoutItsLastSpaceIsDelivered() {
    // The checker confirms every letter; recognisers lose spaces, they do not invent them.
    CardScan scan = scan(NameCheckerTests::dropLastSpace, new AtomicInteger());

    assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
    assertThat(scan.value(KtpField.NAME)).isEqualTo(sample.fields().get(KtpField.NAME));
  }

  @Test
  void aCheckerReadingConfirmsTheSameLettersWithFewerSpacesOnly() {
    assertThat(CardReader.confirms("I GUSTI AGUS", "I GUSTI AGUS")).isTrue();
    assertThat(CardReader.confirms("IGUSTI AGUS", "I GUSTI AGUS")).isTrue();
    assertThat(CardReader.confirms("IGUSTIAGUS", "I GUSTI AGUS")).isTrue();
    assertThat(CardReader.confirms("MARKUS WANAA", "MARKUSWANAA")).isFalse();
    assertThat(CardReader.confirms("IGUST AGUS", "I GUSTI AGUS")).isFalse();
    assertThat(CardReader.confirms("IGUSTI AGUS", "I GUSTIAGUS")).isFalse();
    assertThat(CardReader.confirms("IGUSTIAG US", "I GUSTI AGUS")).isFalse();
    assertThat(CardReader.confirms("I GUSTI AGUS ", "I GUSTI AGUS")).isFalse();
    assertThat(CardReader.confirms(null, "AGUS")).isFalse();
    assertThat(CardReader.confirms("AGUS", null)).isFalse();
  }

  @Test
  void aOneTheCheckerReadsAsAnApostropheIsTheCheckers() {
    // Seed 606's flat render ktp-00124: v1 read SYAFI1I, v3 read SYAFI'I on both views.
    List<String> checker = List.of(": SYAFI'I IBRAHIM", ": SYAFI'I IBRAHIM");
    assertThat(CardReader.apostrophesFromChecker("SYAFI1I IBRAHIM", checker))
        .contains("SYAFI'I IBRAHIM");
    // Of two 1s, one an I and one an apostrophe.
    assertThat(
            CardReader.apostrophesFromChecker(
                "1 NYOMAN SYAFI1I", List.of("I NYOMAN SYAFI'I", "I NYOMAN SYAFI'I")))
        .contains("I NYOMAN SYAFI'I");
  }

  @Test
  void theCheckerSettlesOnlyAOneAndNothingElse() {
    List<String> agreed = List.of("SYAFI'I IBRAHIM", "SYAFI'I IBRAHIM");
    // No 1 read by the first model: nothing to settle (the usual checks decide).
    assertThat(CardReader.apostrophesFromChecker("SYAFII IBRAHIM", agreed)).isEmpty();
    // Another letter differs too.
    assertThat(CardReader.apostrophesFromChecker("SYAFI1I IBRAHIN", agreed)).isEmpty();
    // The checker's two views disagree, or it has only one, or none.
    assertThat(
            CardReader.apostrophesFromChecker(
                "SYAFI1I IBRAHIM", List.of("SYAFI'I IBRAHIM", "SYAFII IBRAHIM")))
        .isEmpty();
    assertThat(CardReader.apostrophesFromChecker("SYAFI1I IBRAHIM", List.of("SYAFI'I IBRAHIM")))
        .isEmpty();
    assertThat(CardReader.apostrophesFromChecker("SYAFI1I IBRAHIM", List.of())).isEmpty();
    // The checker reads an I there: FieldReader's own reading of the 1 stands, checked as usual.
    assertThat(
            CardReader.apostrophesFromChecker(
                "SYAFI1I IBRAHIM", List.of("SYAFIII IBRAHIM", "SYAFIII IBRAHIM")))
        .isEmpty();
    // A space or a letter where the 1 was is no apostrophe.
    assertThat(CardReader.apostrophesFromChecker("NI1MAH", List.of("NI'MAH", "NI'MAH")))
        .contains("NI'MAH");
    assertThat(CardReader.apostrophesFromChecker("NI1MAH", List.of("NI MAH", "NI MAH"))).isEmpty();
    // Too many 1s to try both ways.
    assertThat(CardReader.apostrophesFromChecker("1 1 1 1'A", List.of("I I I I'A", "I I I I'A")))
        .isEmpty();
  }

  @Test
  void aViewThatSlippedOneLetterIsOutvotedByBothOfTheCheckersViews() {
    // Seed 3333's flat DEWI (stretched view DEI), seed 2222's KARNA (KARINA), ANNISA (ANHISA).
    assertThat(CardReader.oneLetterApart("DEWI", "DEI")).isTrue();
    assertThat(CardReader.oneLetterApart("KARNA SUPRIATNA", "KARINA SUPRIATNA")).isTrue();
    assertThat(CardReader.oneLetterApart("ANNISA", "ANHISA")).isTrue();
    assertThat(CardReader.oneLetterApart("DEWI", "DEWI")).isFalse();
    assertThat(CardReader.oneLetterApart("DEWI", "DI")).isFalse();
    assertThat(CardReader.oneLetterApart("DEWI", null)).isFalse();
    assertThat(CardReader.readAs(List.of(": DEWI", ": DEWI"), "DEWI")).isTrue();
    // One checker view only, or one that reads otherwise, or none: no vote.
    assertThat(CardReader.readAs(List.of(": DEWI"), "DEWI")).isFalse();
    assertThat(CardReader.readAs(List.of(": DEWI", ": DEI"), "DEWI")).isFalse();
    assertThat(CardReader.readAs(List.of(), "DEWI")).isFalse();
  }

  @Test
  void withoutACheckerOneModelDecides() throws Exception {
    try (KtpPipeline single = KtpPipeline.load(KtpPipeline.Options.defaults().withChecker(null));
        CardReader reader = single.newReader()) {
      Mat card = Imgcodecs.imread(sample.clean().toString(), Imgcodecs.IMREAD_COLOR);
      try {
        CardScan scan = reader.scanFlatCard(card);
        assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
        assertThat(scan.value(KtpField.NAME)).isEqualTo(sample.fields().get(KtpField.NAME));
      } finally {
        card.release();
      }
    }
  }

  static String changeLastLetter(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return text.substring(0, i) + (c == 'Q' ? 'X' : 'Q') + text.substring(i + 1);
      }
    }
    throw new AssertionError("no letter in the checker's reading");
  }

  /** The last word split after its first letter. */
  static String splitLastWord(String text) {
    String trimmed = text.trim();
    int start = trimmed.lastIndexOf(' ') + 1;
    assertThat(trimmed.length() - start).as("a last word of two letters at least").isGreaterThan(1);
    return trimmed.substring(0, start + 1) + " " + trimmed.substring(start + 1);
  }

  static String dropLastSpace(String text) {
    int space = text.trim().lastIndexOf(' ');
    assertThat(space).as("a space in the checker's reading").isPositive();
    String trimmed = text.trim();
    return trimmed.substring(0, space) + trimmed.substring(space + 1);
  }

  /** The pipeline's engine with the checker's reading bent. */
  private record Bent(TextSource inner, UnaryOperator<String> bend, AtomicInteger asked)
      implements TextSource {

    @Override
    public List<Token> read(Mat card) {
      return inner.read(card);
    }

    @Override
    public List<Token> readAnywhere(Mat image) {
      return inner.readAnywhere(image);
    }

    @Override
    public Optional<String> reread(Mat card, List<Token> tokens) {
      return inner.reread(card, tokens);
    }

    @Override
    public Optional<String> rereadThird(Mat card, List<Token> tokens) {
      return inner.rereadThird(card, tokens);
    }

    @Override
    public double nameConfidenceFloor() {
      return inner.nameConfidenceFloor();
    }

    @Override
    public List<Reading> rereadTaller(Mat card, List<Token> tokens) {
      return inner.rereadTaller(card, tokens);
    }

    @Override
    public List<String> crossRead(Mat card, List<Token> tokens) {
      asked.incrementAndGet();
      return inner.crossRead(card, tokens).stream().map(bend).toList();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
