package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StrokeCount} on hand-made lines: emissions placed on hand-made ink runs, 4 crop columns
 * per time step, no padding, a text band 20 rows high.
 */
class StrokeCountTests {

  private static final double STRIDE = 4;
  private static final int BAND = 20;

  /** A letter's run: as wide as most capitals, the band's full height. */
  private static InkGaps.InkRun letter(int from) {
    return new InkGaps.InkRun(from, from + 12, BAND, 1, BAND, false);
  }

  private static InkGaps.InkRun bar(int from) {
    return new InkGaps.InkRun(from, from + 3, BAND, 1, BAND, false);
  }

  private static InkGaps.InkRun dot(int from) {
    return new InkGaps.InkRun(from, from + 3, 3, 1, BAND, false);
  }

  /** Two dots one above the other. */
  private static InkGaps.InkRun colon(int from) {
    return new InkGaps.InkRun(from, from + 3, 6, 2, BAND, false);
  }

  /** An emission whose centre falls on column {@code x}. */
  private static CtcDecoder.Emission at(String text, int x) {
    int step = (int) Math.floor(x / STRIDE);
    return new CtcDecoder.Emission(text, step, step, 0.9f, false);
  }

  private static CtcDecoder.Result line(CtcDecoder.Emission... emissions) {
    StringBuilder text = new StringBuilder();
    for (CtcDecoder.Emission e : emissions) {
      text.append(e.text());
    }
    return new CtcDecoder.Result(text.toString(), 0.9f, List.of(emissions));
  }

  /** {@code JL} then, after a space, a word over {@code bars}: J at 0, L at 16, bars from 40. */
  private static List<InkGaps.InkRun> jlThen(InkGaps.InkRun... bars) {
    List<InkGaps.InkRun> runs = new ArrayList<>(List.of(letter(0), letter(16)));
    runs.addAll(List.of(bars));
    return runs;
  }

  private static CtcDecoder.Result recount(CtcDecoder.Result line, List<InkGaps.InkRun> runs) {
    return StrokeCount.recount(line, () -> runs, STRIDE, 0);
  }

  @Test
  void aThreeReadAsTwoGetsItsThirdBar() {
    CtcDecoder.Result read = line(at("J", 6), at("L", 22), at(" ", 34), at("I", 41), at("I", 52));

    CtcDecoder.Result counted = recount(read, jlThen(bar(40), bar(46), bar(52)));

    assertThat(counted.text()).isEqualTo("JL III");
    assertThat(counted.confidence()).isEqualTo(read.confidence());
    assertThat(counted.emissions().stream().filter(CtcDecoder.Emission::inserted)).hasSize(1);
  }

  @Test
  void aWordInTheMiddleOfTheLineIsCountedBetweenItsNeighbours() {
    // JL II NO: the bars between L and N.
    List<InkGaps.InkRun> runs = jlThen(bar(40), bar(46), bar(52), letter(70), letter(84));
    CtcDecoder.Result read =
        line(
            at("J", 6),
            at("L", 22),
            at(" ", 34),
            at("I", 41),
            at("I", 52),
            at(" ", 62),
            at("N", 76),
            at("O", 90));

    assertThat(recount(read, runs).text()).isEqualTo("JL III NO");
  }

  @Test
  void aTwoReadAsThreeLosesABar() {
    CtcDecoder.Result read =
        line(at("J", 6), at("L", 22), at(" ", 34), at("I", 41), at("I", 44), at("I", 47));

    assertThat(recount(read, jlThen(bar(40), bar(46))).text()).isEqualTo("JL II");
  }

  @Test
  void aReadingThatMatchesTheInkIsReturnedAsItIs() {
    CtcDecoder.Result read = line(at("J", 6), at("L", 22), at(" ", 34), at("I", 41), at("I", 47));

    assertThat(recount(read, jlThen(bar(40), bar(46)))).isSameAs(read);
  }

  @Test
  void inkThatIsNotBarsLeavesTheReadingAlone() {
    CtcDecoder.Result read = line(at("J", 6), at("L", 22), at(" ", 34), at("I", 41), at("I", 52));

    // A dot after the bars (II.), another letter among them, more bars than a KTP numeral has.
    assertThat(recount(read, jlThen(bar(40), bar(52), dot(58))).text()).isEqualTo("JL II");
    assertThat(recount(read, jlThen(bar(40), letter(46), bar(60))).text()).isEqualTo("JL II");
    assertThat(recount(read, jlThen(bar(40), bar(46), bar(52), bar(58))).text()).isEqualTo("JL II");
  }

  @Test
  void wordsWithOtherLettersAndLinesWithoutInkAreNotCounted() {
    CtcDecoder.Result read = line(at("J", 6), at("L", 22), at(" ", 34), at("I", 41), at("V", 52));

    assertThat(recount(read, jlThen(bar(40), bar(46), bar(52)))).isSameAs(read);
    CtcDecoder.Result bars = line(at("J", 6), at("L", 22), at(" ", 34), at("I", 41));
    assertThat(recount(bars, List.of())).isSameAs(bars);
  }

  @Test
  void theCountIsNotRunWhenNoWordIsAllBars() {
    CtcDecoder.Result read = line(at("J", 6), at("I", 22));

    assertThat(
            StrokeCount.recount(
                read,
                () -> {
                  throw new AssertionError("ink measured for a line without a word of bars");
                },
                STRIDE,
                0))
        .isSameAs(read);
  }

  @Test
  void aLoneIWithOneBarStays() {
    // I NYOMAN: the I is a bar, the N after it a letter.
    List<InkGaps.InkRun> runs = List.of(bar(0), letter(12), letter(26));
    CtcDecoder.Result read = line(at("I", 1), at(" ", 8), at("N", 18), at("Y", 32));

    assertThat(recount(read, runs)).isSameAs(read);
  }

  @Test
  void aColonReadAsALoneIOrOneIsTheColon() {
    // : SUHENDAR, the colon read as I.
    List<InkGaps.InkRun> runs = List.of(colon(0), letter(12), letter(26));
    CtcDecoder.Result read = line(at("I", 1), at(" ", 8), at("S", 18), at("U", 32));

    CtcDecoder.Result counted = recount(read, runs);

    assertThat(counted.text()).isEqualTo(": SU");
    assertThat(counted.emissions()).noneMatch(CtcDecoder.Emission::inserted);
    // A box holding the colon's top dot and a sliver of the S its right edge cut, read as 1.
    InkGaps.InkRun sliver = new InkGaps.InkRun(20, 24, BAND, 1, BAND, true);
    CtcDecoder.Result one = line(at("1", 1));
    assertThat(recount(one, List.of(dot(0), sliver)).text()).isEqualTo(":");
    // A bar is no colon; nor is a dot beside a letter.
    assertThat(recount(read, List.of(bar(0), letter(12), letter(26)))).isSameAs(read);
    assertThat(recount(one, List.of(dot(0), letter(8)))).isSameAs(one);
  }

  @Test
  void aOneIsNeverCountedAsBars() {
    // 11 in a house number: a 1 whose ink shows two narrow strokes stays as read.
    CtcDecoder.Result read = line(at("N", 6), at("O", 22), at(" ", 34), at("1", 41));

    assertThat(recount(read, jlThen(bar(40), bar(46)))).isSameAs(read);
  }
}
