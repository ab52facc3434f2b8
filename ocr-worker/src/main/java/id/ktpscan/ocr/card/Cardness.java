package id.ktpscan.ocr.card;

import java.util.Arrays;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * How much the inside of a quad looks like an e-KTP, measured on a small grid laid over it: a plain
 * margin of one pale cyan-to-green colour all round, a darker and more colourful photo block at one
 * short end, and a margin that differs from what lies just outside on every side.
 *
 * <p>Edges alone cannot tell the card from a sheet of paper, a box or a phone lying next to it, nor
 * the card's outline from a quad with one side on the photo block or on a paper edge beside the
 * card; its print and margin can. The layout fractions are those of the canonical card (photo at x
 * 0.72 to 0.96 and y 0.22 to 0.70, print from x 0.03, header rows from y 0.035).
 */
final class Cardness {

  /** Grid width and height over the quad: about the card's size in the working image. */
  private static final int W = 160;

  private static final int H = 101;

  /** Margin of the grid outside the quad, for the ring just outside the card. */
  private static final int M = 7;

  private static final int STRIDE = W + 2 * M;
  private static final int ROWS = H + 2 * M;

  /** Per side (top, right, bottom, left): the plain band just inside the card's edge. */
  private static final int[][] RIM_SIDES = sideBands(M + 1, M + 3);

  /** Per side: the band just outside the card's edge. */
  private static final int[][] RING_SIDES = sideBands(M - 5, M - 1);

  private static final int[] RIM = concat(RIM_SIDES);

  /**
   * What the inside of a quad looks like.
   *
   * @param photoChroma colourfulness (max − min channel) of the photo block above the margin's
   * @param photoDark grey level of the margin minus that of the photo block
   * @param photoAsym how much more colourful the photo block is than the same place at the other
   *     end: the block sits at one end only
   * @param textDark share of the text block darker than the margin's print threshold
   * @param rimOutliers share of the margin far (in grey) from its median: print, glare or the
   *     background inside the quad
   * @param rimCyan the margin's (blue + green) / 2 − red: the card's print is cyan to green
   * @param rimGray the margin's grey level
   * @param rimBright the margin's grey level over the working image's median
   * @param sideColour largest difference in chromaticity (0–255 scale) between one side's margin
   *     and the whole margin
   * @param sideBright largest difference in brightness (absolute log ratio) between one side's
   *     margin and the whole margin
   * @param sideContrast smallest colour difference (sum over channels) between a side's margin and
   *     the ring just outside it
   */
  record Look(
      double photoChroma,
      double photoDark,
      double photoAsym,
      double textDark,
      double rimOutliers,
      double rimCyan,
      double rimGray,
      double rimBright,
      double sideColour,
      double sideBright,
      double sideContrast) {}

  private final byte[] image;
  private final int imageWidth;
  private final int imageHeight;
  private final byte[] pixels = new byte[STRIDE * ROWS * 3];
  private final int[] gray = new int[STRIDE * ROWS];
  private final int[] chroma = new int[gray.length];
  private final int[] cyan = new int[gray.length];

  /**
   * @param work the working image, 8-bit BGR
   */
  Cardness(Mat work) {
    imageWidth = work.cols();
    imageHeight = work.rows();
    image = new byte[imageWidth * imageHeight * 3];
    work.get(0, 0, image);
  }

  /**
   * Looks at one quad.
   *
   * @param quad corners in the working image with {@code quad[0]→[1]} a long side
   * @param imageGray the working image's median grey level
   */
  Look look(Point[] quad, double imageGray) {
    sample(quad);
    double rimGray = median(gray, RIM);
    double rimChroma = median(chroma, RIM);
    double outliers = 0;
    for (int i : RIM) {
      if (Math.abs(gray[i] - rimGray) > 0.15 * rimGray + 10) {
        outliers++;
      }
    }
    double darkLevel = rimGray * 0.82 - 8;
    double[][] photo = {
      region(false, 0.75, 0.93, 0.26, 0.65, darkLevel),
      region(true, 0.75, 0.93, 0.26, 0.65, darkLevel)
    };
    int o =
        photo[0][1] + (rimGray - photo[0][0]) * 0.5 >= photo[1][1] + (rimGray - photo[1][0]) * 0.5
            ? 0
            : 1;
    double[] text = region(o == 1, 0.04, 0.66, 0.30, 0.93, darkLevel);
    double[] sides = sides();
    return new Look(
        photo[o][1] - rimChroma,
        rimGray - photo[o][0],
        photo[o][1] - photo[1 - o][1],
        text[2],
        outliers / RIM.length,
        median(cyan, RIM),
        rimGray,
        rimGray / Math.max(1, imageGray),
        sides[0],
        sides[1],
        sides[2]);
  }

  /**
   * Samples the quad and a margin around it on the grid, through the perspective that maps the
   * grid's inner {@code W × H} rectangle onto the quad. Nearest pixels are enough for the
   * statistics taken here and cost far less than a warp.
   */
  private void sample(Point[] quad) {
    MatOfPoint2f from =
        new MatOfPoint2f(
            new Point(M, M), new Point(M + W, M), new Point(M + W, M + H), new Point(M, M + H));
    MatOfPoint2f to = new MatOfPoint2f(quad);
    Mat transform = Imgproc.getPerspectiveTransform(from, to);
    double[] h = new double[9];
    transform.get(0, 0, h);
    from.release();
    to.release();
    transform.release();
    for (int y = 0, i = 0; y < ROWS; y++) {
      for (int x = 0; x < STRIDE; x++, i++) {
        double z = h[6] * x + h[7] * y + h[8];
        int px = (int) Math.round((h[0] * x + h[1] * y + h[2]) / z);
        int py = (int) Math.round((h[3] * x + h[4] * y + h[5]) / z);
        px = Math.max(0, Math.min(imageWidth - 1, px));
        py = Math.max(0, Math.min(imageHeight - 1, py));
        int k = (py * imageWidth + px) * 3;
        int b = image[k] & 0xff;
        int g = image[k + 1] & 0xff;
        int r = image[k + 2] & 0xff;
        pixels[3 * i] = image[k];
        pixels[3 * i + 1] = image[k + 1];
        pixels[3 * i + 2] = image[k + 2];
        gray[i] = (b * 29 + g * 150 + r * 77) >> 8;
        chroma[i] = Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r));
        cyan[i] = (b + g) / 2 - r;
      }
    }
  }

  /**
   * Mean grey, mean chroma and dark share of a region given in card fractions, for the card as seen
   * or {@code turned} by a half turn.
   */
  private double[] region(
      boolean turned, double x0, double x1, double y0, double y1, double darkLevel) {
    int ax = M + (int) ((turned ? 1 - x1 : x0) * W);
    int bx = M + (int) ((turned ? 1 - x0 : x1) * W);
    int ay = M + (int) ((turned ? 1 - y1 : y0) * H);
    int by = M + (int) ((turned ? 1 - y0 : y1) * H);
    double g = 0;
    double c = 0;
    double d = 0;
    for (int y = ay; y < by; y++) {
      for (int x = ax; x < bx; x++) {
        int i = y * STRIDE + x;
        g += gray[i];
        c += chroma[i];
        if (gray[i] < darkLevel) {
          d++;
        }
      }
    }
    double n = Math.max(1, (bx - ax) * (by - ay));
    return new double[] {g / n, c / n, d / n};
  }

  /**
   * How far the sides disagree: the largest difference of one side's margin from the whole margin
   * (in chromaticity, and in brightness), and the smallest difference between a side's margin and
   * the ring outside it. A card's margin is one colour all round and differs from the background on
   * every side; a quad with one side on the wrong edge has paper or table inside that side, or card
   * on both sides of it.
   */
  private double[] sides() {
    double[] all = bgr(RIM);
    double allSum = Math.max(1, all[0] + all[1] + all[2]);
    double colour = 0;
    double bright = 0;
    double contrast = Double.MAX_VALUE;
    for (int k = 0; k < 4; k++) {
      double[] in = bgr(RIM_SIDES[k]);
      double[] out = bgr(RING_SIDES[k]);
      double sum = Math.max(1, in[0] + in[1] + in[2]);
      double c = 0;
      double d = 0;
      for (int ch = 0; ch < 3; ch++) {
        c += Math.abs(in[ch] / sum - all[ch] / allSum) * 255;
        d += Math.abs(in[ch] - out[ch]);
      }
      colour = Math.max(colour, c);
      bright = Math.max(bright, Math.abs(Math.log(sum / allSum)));
      contrast = Math.min(contrast, d);
    }
    return new double[] {colour, bright, contrast};
  }

  private double[] bgr(int[] idx) {
    return new double[] {channelMedian(idx, 0), channelMedian(idx, 1), channelMedian(idx, 2)};
  }

  private double channelMedian(int[] idx, int channel) {
    int[] histogram = new int[256];
    for (int i : idx) {
      histogram[pixels[i * 3 + channel] & 0xff]++;
    }
    return median(histogram, idx.length);
  }

  /** Median of {@code data} at the indices, for values in [-256, 255]. */
  private static double median(int[] data, int[] idx) {
    int[] histogram = new int[512];
    for (int i : idx) {
      histogram[Math.max(0, Math.min(511, data[i] + 256))]++;
    }
    return median(histogram, idx.length) - 256;
  }

  private static int median(int[] histogram, int count) {
    int sum = 0;
    for (int v = 0; v < histogram.length; v++) {
      sum += histogram[v];
      if (2 * sum >= count) {
        return v;
      }
    }
    return histogram.length - 1;
  }

  /**
   * Grid indices of bands along the four sides (top, right, bottom, left) between offsets {@code
   * from} and {@code to} from the grid's edge, leaving out the rounded corners.
   */
  private static int[][] sideBands(int from, int to) {
    int[][] sides = new int[4][];
    int[] top = new int[W * (to - from)];
    int[] bottom = new int[top.length];
    int n = 0;
    for (int x = M + W / 14; x < M + W - W / 14; x++) {
      for (int y = from; y < to; y++) {
        top[n] = y * STRIDE + x;
        bottom[n] = (ROWS - 1 - y) * STRIDE + x;
        n++;
      }
    }
    sides[0] = Arrays.copyOf(top, n);
    sides[2] = Arrays.copyOf(bottom, n);
    int[] left = new int[H * (to - from)];
    int[] right = new int[left.length];
    n = 0;
    for (int y = M + H / 9; y < M + H - H / 9; y++) {
      for (int x = from; x < to; x++) {
        left[n] = y * STRIDE + x;
        right[n] = y * STRIDE + (STRIDE - 1 - x);
        n++;
      }
    }
    sides[3] = Arrays.copyOf(left, n);
    sides[1] = Arrays.copyOf(right, n);
    return sides;
  }

  private static int[] concat(int[][] parts) {
    int[] out = new int[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int n = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, n, p.length);
      n += p.length;
    }
    return out;
  }
}
