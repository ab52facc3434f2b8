package id.ktpscan.ocr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts the strokes of a word read as nothing but {@code I}s ({@code II}, {@code III}: the Roman
 * numerals of street names, {@code JL CEMPAKA III}) in the line's ink, and makes the word that many
 * {@code I}s.
 *
 * <p>A CTC recogniser can emit the same letter twice only with a blank step between, so {@code III}
 * needs five time steps; at the KTP recogniser's stride a printed {@code III} spans about three and
 * comes out {@code II} (seed 7171's clean renders {@code ktp-00023} and {@code ktp-00180},
 * docs/benchmarks.md). The ink has no such limit: the bars of {@code III} are three runs of ink
 * columns with empty columns between them.
 *
 * <p>The word's runs are those between the run under the character before it and the run under the
 * character after it (the line's ends where there are none). The count replaces the word only when
 * every one of them is a bar (one piece of ink filling at least {@link #MIN_HEIGHT} of the text
 * band's rows, at most {@link #MAX_WIDTH} of its height wide: not a dot, not another letter), there
 * are one to three, and the word's own characters fall on them; otherwise the reading stands as the
 * model gave it. A bar the count adds is marked {@linkplain CtcDecoder.Emission#inserted()
 * inserted}: it does not count towards the line's confidence.
 *
 * <p>A lone {@code I} or {@code 1} whose ink is no bar but dots (at most {@link #DOTS_HEIGHT} of
 * the band's rows, and as narrow) is a colon: a text box holding only the colon before a value, or
 * part of it, is read as a bar now and then (seed 8282's flat render {@code ktp-00021}: such a box
 * read {@code 1}, which the name reader takes for an {@code I}, and {@code : SUHENDAR ANWAR} became
 * {@code I SUHENDAR ANWAR}, docs/benchmarks.md). A run at the crop's edge that no character of the
 * word falls on is left out there: a sliver of the next letter that the box cut. A {@code 1} is
 * never counted as bars ({@code 11} in a house number is no numeral).
 */
final class StrokeCount {

  /** Share of the text band's rows a bar's ink must fill. */
  static final double MIN_HEIGHT = 0.7;

  /** Share of the text band's height a bar's ink may be wide. */
  static final double MAX_WIDTH = 0.3;

  /** Share of the text band's rows (and of its height, in width) a colon's dots may take. */
  static final double DOTS_HEIGHT = 0.5;

  /** Most bars a word may have: the Roman numerals on KTP addresses go up to {@code III}. */
  static final int MAX_BARS = 3;

  private static final String BAR = "I";
  private static final String SPACE = " ";
  private static final String COLON = ":";
  private static final String ONE = "1";

  private StrokeCount() {}

  /**
   * The line with each all-{@code I} word recounted from the ink.
   *
   * @param line the decoded line
   * @param ink the crop's ink runs ({@link InkGaps#runs}), measured only for a line with such a
   *     word
   * @param stride crop columns per time step
   * @param pad background columns added before the crop
   */
  static CtcDecoder.Result recount(
      CtcDecoder.Result line, Supplier<List<InkGaps.InkRun>> ink, double stride, int pad) {
    List<CtcDecoder.Emission> in = line.emissions();
    if (!hasBarWord(in)) {
      return line;
    }
    List<InkGaps.InkRun> runs = ink.get();
    if (runs.isEmpty()) {
      return line;
    }
    List<CtcDecoder.Emission> out = new ArrayList<>(in.size() + 2);
    boolean changed = false;
    int i = 0;
    while (i < in.size()) {
      int end = wordEnd(in, i);
      List<CtcDecoder.Emission> word = in.subList(i, end);
      List<CtcDecoder.Emission> counted =
          allBars(word) ? recountWord(in, i, end, word, runs, stride, pad) : word;
      changed |= counted != word;
      out.addAll(counted);
      if (end < in.size()) {
        out.add(in.get(end));
      }
      i = end + 1;
    }
    if (!changed) {
      return line;
    }
    StringBuilder text = new StringBuilder();
    out.forEach(e -> text.append(e.text()));
    return new CtcDecoder.Result(text.toString(), line.confidence(), out);
  }

  private static boolean hasBarWord(List<CtcDecoder.Emission> in) {
    for (int i = 0, end; i < in.size(); i = end + 1) {
      end = wordEnd(in, i);
      if (allBars(in.subList(i, end))) {
        return true;
      }
    }
    return false;
  }

  /** Index of the space after the word starting at {@code from}, or the line's length. */
  private static int wordEnd(List<CtcDecoder.Emission> in, int from) {
    int end = from;
    while (end < in.size() && !SPACE.equals(in.get(end).text())) {
      end++;
    }
    return end;
  }

  /** A word of {@code I}s, or a lone {@code 1} (which the name reader takes for an {@code I}). */
  private static boolean allBars(List<CtcDecoder.Emission> word) {
    return !word.isEmpty()
        && (word.stream().allMatch(e -> BAR.equals(e.text()))
            || (word.size() == 1 && ONE.equals(word.get(0).text())));
  }

  private static List<CtcDecoder.Emission> recountWord(
      List<CtcDecoder.Emission> in,
      int from,
      int end,
      List<CtcDecoder.Emission> word,
      List<InkGaps.InkRun> runs,
      double stride,
      int pad) {
    int before = from >= 2 ? runUnder(in.get(from - 2), runs, stride, pad) : -1;
    int after = end + 1 < in.size() ? runUnder(in.get(end + 1), runs, stride, pad) : runs.size();
    int first = runUnder(word.get(0), runs, stride, pad);
    int last = runUnder(word.get(word.size() - 1), runs, stride, pad);
    if (!(before < first && last < after)) {
      return word;
    }
    List<InkGaps.InkRun> ink = runs.subList(before + 1, after);
    if (word.size() == 1) {
      List<InkGaps.InkRun> own = new ArrayList<>();
      for (int r = before + 1; r < after; r++) {
        if (!runs.get(r).atEdge() || emittedOn(word, r, runs, stride, pad) != null) {
          own.add(runs.get(r));
        }
      }
      if (!own.isEmpty() && own.stream().allMatch(StrokeCount::dots)) {
        // A colon (or what the box kept of it) read as a bar: ": SUHENDAR" as "1 SUHENDAR".
        CtcDecoder.Emission e = word.get(0);
        return List.of(
            new CtcDecoder.Emission(COLON, e.firstStep(), e.lastStep(), e.probability(), false));
      }
    }
    if (!word.stream().allMatch(e -> BAR.equals(e.text()))
        || ink.isEmpty()
        || ink.size() > MAX_BARS
        || ink.size() == word.size()
        || !ink.stream().allMatch(StrokeCount::bar)) {
      return word;
    }
    List<CtcDecoder.Emission> counted = new ArrayList<>(ink.size());
    for (int r = before + 1; r < after; r++) {
      CtcDecoder.Emission own = emittedOn(word, r, runs, stride, pad);
      if (own != null) {
        counted.add(own);
      } else {
        int step = (int) Math.floor((runs.get(r).centre() + pad) / stride);
        counted.add(new CtcDecoder.Emission(BAR, step, step, 0f, true));
      }
    }
    return counted;
  }

  /** One piece of ink, most of the band tall, narrow. */
  static boolean bar(InkGaps.InkRun run) {
    return run.pieces() == 1
        && run.inkRows() >= MIN_HEIGHT * run.bandRows()
        && run.width() <= MAX_WIDTH * run.bandRows();
  }

  /**
   * Ink filling at most {@link #DOTS_HEIGHT} of the band's rows and at most as wide: a colon, a
   * dot, punctuation (a blurred dot is wider than a bar).
   */
  static boolean dots(InkGaps.InkRun run) {
    return run.inkRows() <= DOTS_HEIGHT * run.bandRows()
        && run.width() <= DOTS_HEIGHT * run.bandRows();
  }

  /** The word's first emission that falls on run {@code index}, or null. */
  private static CtcDecoder.Emission emittedOn(
      List<CtcDecoder.Emission> word,
      int index,
      List<InkGaps.InkRun> runs,
      double stride,
      int pad) {
    for (CtcDecoder.Emission e : word) {
      if (runUnder(e, runs, stride, pad) == index) {
        return e;
      }
    }
    return null;
  }

  /** Index of the run under an emission's centre, or the nearest one. */
  static int runUnder(CtcDecoder.Emission e, List<InkGaps.InkRun> runs, double stride, int pad) {
    double x = e.centreStep() * stride - pad;
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int r = 0; r < runs.size(); r++) {
      InkGaps.InkRun run = runs.get(r);
      double distance = x < run.from() ? run.from() - x : x >= run.to() ? x - run.to() + 1 : 0;
      if (distance < bestDistance) {
        best = r;
        bestDistance = distance;
      }
    }
    return best;
  }
}
