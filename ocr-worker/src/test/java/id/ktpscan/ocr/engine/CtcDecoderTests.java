package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTests {

  private static final List<String> LABELS =
      List.of("", "0", "A", "B", ".", ",", "/", "：", "-", " ");
  private static final int BLANK = 0;
  private static final int ZERO = 1;
  private static final int A = 2;
  private static final int B = 3;
  private static final int DOT = 4;
  private static final int COMMA = 5;
  private static final int SLASH = 6;
  private static final int FULL_WIDTH_COLON = 7;
  private static final int SPACE = 9;

  private final CtcDecoder decoder = new CtcDecoder(LABELS);

  @Test
  void keepsRepeatedCharactersSeparatedByBlanks() {
    float[][] probs = steps(ZERO, BLANK, ZERO, BLANK, ZERO, BLANK, ZERO);

    assertThat(decoder.decode(probs).text()).isEqualTo("0000");
  }

  @Test
  void collapsesRunsOnlyWithinARun() {
    assertThat(decoder.decode(steps(ZERO, ZERO, BLANK, ZERO, ZERO)).text()).isEqualTo("00");
    assertThat(decoder.decode(steps(A, A)).text()).isEqualTo("A");
  }

  @Test
  void recordsTheStepRangeOfEachCharacter() {
    CtcDecoder.Result result = decoder.decode(steps(BLANK, A, A, A, BLANK, B));

    assertThat(result.emissions())
        .extracting(
            CtcDecoder.Emission::text,
            CtcDecoder.Emission::firstStep,
            CtcDecoder.Emission::lastStep)
        .containsExactly(tuple("A", 1, 3), tuple("B", 5, 5));
  }

  @Test
  void recoversASpaceFromSpaceProbabilityBetweenEmissions() {
    float[][] probs = steps(A, BLANK, B);
    withSpace(probs[1], 0.05f);

    CtcDecoder.Result result = decoder.decode(probs);

    assertThat(result.text()).isEqualTo("A B");
    assertThat(result.emissions().get(1).inserted()).isTrue();
  }

  @Test
  void ignoresSpaceProbabilityBelowTheThreshold() {
    float[][] probs = steps(A, BLANK, B);
    withSpace(probs[1], 0.01f);

    assertThat(decoder.decode(probs).text()).isEqualTo("AB");
  }

  @Test
  void neverInsertsASpaceBeforePunctuationOrAfterASlash() {
    float[][] probs =
        steps(A, BLANK, DOT, BLANK, A, BLANK, COMMA, BLANK, B, BLANK, SLASH, BLANK, B);
    for (int t = 1; t < probs.length; t += 2) {
      withSpace(probs[t], 0.3f);
    }

    assertThat(decoder.decode(probs).text()).isEqualTo("A. A, B/B");
  }

  @Test
  void recoversASpaceFromAnInkGapBetweenTwoCharacters() {
    float[][] probs = steps(A, BLANK, BLANK, B, BLANK, A);

    CtcDecoder.Result result = decoder.decode(probs, new double[] {2.0});

    assertThat(result.text()).isEqualTo("A BA");
  }

  @Test
  void keepsTheModelsOwnSpacesButTrimsAndCollapsesThem() {
    float[][] probs = steps(SPACE, A, SPACE, BLANK, SPACE, B, SPACE);

    assertThat(decoder.decode(probs).text()).isEqualTo("A B");
  }

  @Test
  void normalisesFullWidthPunctuation() {
    assertThat(decoder.decode(steps(A, FULL_WIDTH_COLON, ZERO)).text()).isEqualTo("A:0");
  }

  @Test
  void confidenceIsTheMeanOfTheModelsOwnEmissions() {
    float[][] probs = {row(A, 0.9f), row(A, 0.7f), row(BLANK, 0.9f), row(B, 0.5f)};
    withSpace(probs[2], 0.05f);

    CtcDecoder.Result result = decoder.decode(probs);

    assertThat(result.text()).isEqualTo("A B");
    assertThat(result.confidence()).isCloseTo((0.9f + 0.5f) / 2, within(1e-6f));
  }

  @Test
  void decodesNothingFromNoStepsOrOnlyBlanks() {
    CtcDecoder.Result empty = decoder.decode(new float[0][]);
    CtcDecoder.Result blanks = decoder.decode(steps(BLANK, BLANK));

    assertThat(empty.text()).isEmpty();
    assertThat(empty.confidence()).isZero();
    assertThat(empty.emissions()).isEmpty();
    assertThat(blanks.text()).isEmpty();
  }

  @Test
  void rejectsAModelWithAnotherNumberOfClasses() {
    assertThatThrownBy(() -> decoder.decode(new float[][] {new float[4]}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 classes");
  }

  private static float[][] steps(int... classes) {
    float[][] probs = new float[classes.length][];
    for (int t = 0; t < classes.length; t++) {
      probs[t] = row(classes[t], 0.9f);
    }
    return probs;
  }

  private static float[] row(int label, float probability) {
    float[] row = new float[LABELS.size()];
    float rest = (1 - probability) / (LABELS.size() - 1);
    Arrays.fill(row, rest);
    row[label] = probability;
    return row;
  }

  private static void withSpace(float[] row, float probability) {
    row[SPACE] = probability;
  }
}
