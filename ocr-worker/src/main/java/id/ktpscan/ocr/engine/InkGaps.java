package id.ktpscan.ocr.engine;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Finds word gaps in a line crop from its column ink profile, because the recogniser's 8-pixel time
 * steps separate letters from words poorly; and the runs of ink columns themselves, in which {@link
 * StrokeCount} counts the bars of {@code III} and tells a colon from an {@code I}.
 *
 * <p>Gaps are measured against the height of the text band (the cap height on uppercase KTP lines).
 * Rendered in DejaVu Sans, Liberation Sans and FreeSans at 24-32 px, letter gaps reach 0.30-0.35 of
 * that height (around {@code I}, {@code T}, {@code 1}) and word gaps start at 0.38-0.50, so a
 * threshold near 0.4 separates them; 0.2 splits most words into letters.
 */
final class InkGaps {

  private static final double MIN_CONTRAST = 48;
  private static final double ROW_INK_FRACTION = 0.02;
  private static final int MIN_BAND_ROWS = 6;
  private static final int NOISE_PIXELS = 1;

  private InkGaps() {}

  /**
   * Centres, in pixels from the crop's left edge, of the empty-column runs between ink that are at
   * least {@code minGapRatio} times the text height wide.
   *
   * @param bgr the line crop
   * @param minGapRatio gap width relative to the height of the text band
   */
  static double[] centres(Mat bgr, double minGapRatio) {
    boolean[][] ink = inkMask(bgr);
    if (ink.length == 0) {
      return new double[0];
    }
    int[] band = textBand(ink);
    int bandHeight = band[1] - band[0];
    if (bandHeight < MIN_BAND_ROWS) {
      return new double[0];
    }
    int width = ink[0].length;
    boolean[] empty = new boolean[width];
    for (int x = 0; x < width; x++) {
      empty[x] = inkInColumn(ink, x, band) <= NOISE_PIXELS;
    }
    return gapCentres(empty, minGapRatio * bandHeight);
  }

  /**
   * One run of columns with ink inside the text band, separated from the next by at least one empty
   * column.
   *
   * @param from first column
   * @param to column after the last
   * @param inkRows rows of the band holding ink in any of the run's columns
   * @param pieces runs of such rows, top to bottom: 1 for a bar or a letter, 2 for a colon
   * @param bandRows rows of the text band
   * @param atEdge whether the run touches the crop's first or last column: maybe a sliver of a
   *     neighbour the box cut
   */
  record InkRun(int from, int to, int inkRows, int pieces, int bandRows, boolean atEdge) {

    int width() {
      return to - from;
    }

    double centre() {
      return (from + to) / 2.0;
    }
  }

  /**
   * The runs of ink columns in a line crop, left to right; empty when the crop is flat or its text
   * band is too thin to measure.
   */
  static List<InkRun> runs(Mat bgr) {
    boolean[][] ink = inkMask(bgr);
    List<InkRun> runs = new ArrayList<>();
    if (ink.length == 0) {
      return runs;
    }
    int[] band = textBand(ink);
    int bandHeight = band[1] - band[0];
    if (bandHeight < MIN_BAND_ROWS) {
      return runs;
    }
    int width = ink[0].length;
    int start = -1;
    for (int x = 0; x <= width; x++) {
      boolean inky = x < width && inkInColumn(ink, x, band) > NOISE_PIXELS;
      if (inky && start < 0) {
        start = x;
      } else if (!inky && start >= 0) {
        runs.add(run(ink, start, x, band));
        start = -1;
      }
    }
    return runs;
  }

  private static int inkInColumn(boolean[][] ink, int x, int[] band) {
    int count = 0;
    for (int y = band[0]; y < band[1]; y++) {
      count += ink[y][x] ? 1 : 0;
    }
    return count;
  }

  private static InkRun run(boolean[][] ink, int from, int to, int[] band) {
    int rows = 0;
    int pieces = 0;
    boolean previous = false;
    for (int y = band[0]; y < band[1]; y++) {
      boolean any = false;
      for (int x = from; x < to && !any; x++) {
        any = ink[y][x];
      }
      rows += any ? 1 : 0;
      pieces += any && !previous ? 1 : 0;
      previous = any;
    }
    return new InkRun(from, to, rows, pieces, band[1] - band[0], from == 0 || to == ink[0].length);
  }

  private static double[] gapCentres(boolean[] empty, double minWidth) {
    int first = 0;
    while (first < empty.length && empty[first]) {
      first++;
    }
    int last = empty.length - 1;
    while (last > first && empty[last]) {
      last--;
    }
    List<Double> centres = new ArrayList<>();
    int runStart = -1;
    for (int x = first; x <= last; x++) {
      if (empty[x] && runStart < 0) {
        runStart = x;
      } else if (!empty[x] && runStart >= 0) {
        if (x - runStart >= minWidth) {
          centres.add((runStart + x) / 2.0);
        }
        runStart = -1;
      }
    }
    return centres.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Rows of the longest run in which enough of the row is ink: the line itself, not neighbours. */
  private static int[] textBand(boolean[][] ink) {
    int width = ink[0].length;
    double minInk = Math.max(2, ROW_INK_FRACTION * width);
    int bestStart = 0;
    int bestEnd = 0;
    int start = -1;
    for (int y = 0; y <= ink.length; y++) {
      boolean inky = y < ink.length && count(ink[y]) >= minInk;
      if (inky && start < 0) {
        start = y;
      } else if (!inky && start >= 0) {
        if (y - start > bestEnd - bestStart) {
          bestStart = start;
          bestEnd = y;
        }
        start = -1;
      }
    }
    return new int[] {bestStart, bestEnd};
  }

  private static int count(boolean[] row) {
    int n = 0;
    for (boolean b : row) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** Otsu-binarised ink, whichever polarity is the minority; empty when the crop is flat. */
  private static boolean[][] inkMask(Mat bgr) {
    Mat gray = new Mat();
    Mat binary = new Mat();
    try {
      Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
      Core.MinMaxLocResult range = Core.minMaxLoc(gray);
      if (range.maxVal - range.minVal < MIN_CONTRAST) {
        return new boolean[0][];
      }
      Imgproc.threshold(gray, binary, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
      int rows = binary.rows();
      int cols = binary.cols();
      byte[] pixels = new byte[rows * cols];
      binary.get(0, 0, pixels);
      int bright = 0;
      for (byte p : pixels) {
        bright += p != 0 ? 1 : 0;
      }
      boolean inkIsBright = bright * 2 < pixels.length;
      boolean[][] ink = new boolean[rows][cols];
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          ink[y][x] = (pixels[y * cols + x] != 0) == inkIsBright;
        }
      }
      return ink;
    } finally {
      gray.release();
      binary.release();
    }
  }
}
