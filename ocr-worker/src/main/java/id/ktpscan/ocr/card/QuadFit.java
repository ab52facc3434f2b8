package id.ktpscan.ocr.card;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Moves each side of a rough quad onto the straight edge next to it and takes the corners where the
 * fitted sides meet.
 *
 * <p>The card's corners are rounded, so any polygon traced along its outline puts its vertices
 * inside the true (sharp) corners, and a corner detector finds nothing there. The four sides, on
 * the other hand, are long straight edges: sampling them away from the rounded ends and
 * intersecting the fitted lines gives the corners of the card's rectangle to a pixel or two.
 */
final class QuadFit {

  /** Points tested along a side moved by {@link #slide}. */
  private static final int SLIDE_SAMPLES = 30;

  /** Distance (working pixels) within which an edge must fall off to count as sharp. */
  private static final int SHARP = 3;

  /** Edge peaks kept per position across a side. */
  private static final int PEAKS = 3;

  private QuadFit() {}

  /**
   * A fitted quad.
   *
   * @param corners the corners, in the order of the input quad
   * @param support per side, the share of sampled positions on the fitted line
   * @param strength per side, the mean edge strength of those positions
   */
  record Fitted(Point[] corners, double[] support, double[] strength) {

    double meanSupport() {
      return Arrays.stream(support).average().orElse(0);
    }

    double minSupport() {
      return Arrays.stream(support).min().orElse(0);
    }
  }

  /**
   * Fits the sides on the working image's gradient field.
   *
   * @param band how far across each side to look for the edge, in pixels
   * @param margin share of each side's length left out at both ends (the rounded corners)
   * @param samples the most positions sampled along a side
   */
  static Fitted onField(
      GradientField field, Point[] quad, double band, double margin, int samples) {
    Side[] sides = new Side[4];
    double[] t = new double[samples * PEAKS];
    double[] d = new double[samples * PEAKS];
    double[] w = new double[samples * PEAKS];
    int steps = (int) Math.ceil(band);
    double[] profile = new double[2 * (steps + SHARP) + 1];
    for (int k = 0; k < 4; k++) {
      Side side = new Side(quad, k);
      double from = side.length * margin;
      double to = side.length * (1 - margin);
      int positions = (int) Math.min(samples, Math.max(8, (to - from) / 1.5));
      double step = (to - from) / Math.max(1, positions - 1);
      int n = 0;
      for (int s = 0; s < positions; s++) {
        double along = from + s * step;
        double cx = side.p.x + along * side.ux;
        double cy = side.p.y + along * side.uy;
        for (int j = 0; j < profile.length; j++) {
          double off = j - steps - SHARP;
          profile[j] = field.across(cx + off * side.nx, cy + off * side.ny, side.nx, side.ny);
        }
        IntPredicate sharp =
            j -> sharp(field, cx, cy, side.nx, side.ny, j - steps - SHARP, profile[j]);
        n = peaks(profile, SHARP, sharp, along, -steps - SHARP, 16, t, d, w, n);
      }
      sides[k] = side.fitted(LineFit.fit(t, d, w, n, positions, 1.0));
    }
    return intersect(quad, sides, 3 * band + 2);
  }

  /**
   * Whether the edge at offset {@code off} across a side is sharp: the gradient with the peak's
   * sign falls below two thirds of the peak within {@link #SHARP} pixels on both sides. The soft
   * edge of a shadow falling across the card is not the card's edge; the card's own contact shadow
   * next to its edge changes brightness the other way and does not count against it.
   */
  private static boolean sharp(
      GradientField field, double cx, double cy, double nx, double ny, double off, double peak) {
    double sign = Math.signum(field.signedAcross(cx + off * nx, cy + off * ny, nx, ny));
    double before = field.signedAcross(cx + (off - SHARP) * nx, cy + (off - SHARP) * ny, nx, ny);
    double after = field.signedAcross(cx + (off + SHARP) * nx, cy + (off + SHARP) * ny, nx, ny);
    return 1.5 * Math.max(sign * before, sign * after) <= peak;
  }

  /**
   * The quad with side {@code k} moved along its two neighbours to where a straight edge is best
   * supported. A card over paper of nearly its own colour can leave one side so faint that no
   * proposal finds it, while the other three are clear; the three fix where the fourth can be.
   */
  static Point[] slide(GradientField field, Point[] quad, int k) {
    Point a1 = quad[(k + 3) % 4];
    Point b1 = quad[k];
    Point a2 = quad[(k + 2) % 4];
    Point b2 = quad[(k + 1) % 4];
    double reach = Math.max(Geometry.dist(a1, b1), Geometry.dist(a2, b2));
    double step = 2 / Math.max(1, reach);
    double best = -1;
    double bestF = 1;
    for (double f = 0.45; f <= 1.8; f += step) {
      Point p1 = new Point(a1.x + f * (b1.x - a1.x), a1.y + f * (b1.y - a1.y));
      Point p2 = new Point(a2.x + f * (b2.x - a2.x), a2.y + f * (b2.y - a2.y));
      double support = support(field, p1, p2);
      if (support > best) {
        best = support;
        bestF = f;
      }
    }
    Point[] out = quad.clone();
    out[k] = new Point(a1.x + bestF * (b1.x - a1.x), a1.y + bestF * (b1.y - a1.y));
    out[(k + 1) % 4] = new Point(a2.x + bestF * (b2.x - a2.x), a2.y + bestF * (b2.y - a2.y));
    return out;
  }

  /** Share of points along the middle of a segment that lie on a sharp edge running along it. */
  private static double support(GradientField field, Point p, Point q) {
    double len = Math.max(1e-6, Geometry.dist(p, q));
    double nx = -(q.y - p.y) / len;
    double ny = (q.x - p.x) / len;
    int hits = 0;
    for (int i = 0; i < SLIDE_SAMPLES; i++) {
      double f = 0.1 + 0.8 * i / (SLIDE_SAMPLES - 1);
      double x = p.x + f * (q.x - p.x);
      double y = p.y + f * (q.y - p.y);
      for (int off = -1; off <= 1; off++) {
        double v = field.across(x + off * nx, y + off * ny, nx, ny);
        if (v >= 16 && sharp(field, x, y, nx, ny, off, v)) {
          hits++;
          break;
        }
      }
    }
    return hits / (double) SLIDE_SAMPLES;
  }

  /**
   * Fits the sides on the full-resolution photo: each side's neighbourhood is resampled into a thin
   * strip along the side, where the edge is a horizontal line.
   *
   * @param band how far across each side to look, in photo pixels
   * @param margin share of each side's length left out at both ends
   */
  static Fitted onPhoto(Mat bgr, Point[] quad, int band, double margin) {
    Side[] sides = new Side[4];
    Mat strip = new Mat();
    Mat dy = new Mat();
    Mat transform = new Mat(2, 3, CvType.CV_64F);
    int rows = 2 * band + 1;
    for (int k = 0; k < 4; k++) {
      Side side = new Side(quad, k);
      double from = side.length * margin;
      int cols = (int) Math.max(8, side.length * (1 - 2 * margin));
      double ox = side.p.x + from * side.ux - band * side.nx;
      double oy = side.p.y + from * side.uy - band * side.ny;
      transform.put(0, 0, side.ux, side.nx, ox, side.uy, side.ny, oy);
      Imgproc.warpAffine(
          bgr,
          strip,
          transform,
          new Size(cols, rows),
          Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
          Core.BORDER_REPLICATE);
      Imgproc.blur(strip, strip, new Size(5, 1));
      Imgproc.Sobel(strip, dy, CvType.CV_16S, 0, 1, 3);
      short[] g = new short[cols * rows * 3];
      dy.get(0, 0, g);
      double[] t = new double[cols * PEAKS];
      double[] d = new double[cols * PEAKS];
      double[] w = new double[cols * PEAKS];
      double[] profile = new double[rows];
      int n = 0;
      for (int x = 0; x < cols; x++) {
        for (int y = 1; y < rows - 1; y++) {
          int i = (y * cols + x) * 3;
          profile[y] = Math.max(Math.abs(g[i]), Math.max(Math.abs(g[i + 1]), Math.abs(g[i + 2])));
        }
        profile[0] = 0;
        profile[rows - 1] = 0;
        n = peaks(profile, 0, null, from + x, -band, 12, t, d, w, n);
      }
      sides[k] = side.fitted(LineFit.fit(t, d, w, n, cols, 1.5));
    }
    strip.release();
    dy.release();
    transform.release();
    return intersect(quad, sides, 2.0 * band + 2);
  }

  /**
   * Appends the strongest local maxima of one profile across the side as samples at position {@code
   * along}: the card's edge need not be the strongest, as print or a paper edge may run next to it.
   *
   * @param skip values at either end of the profile that are not candidates themselves
   * @param accept which candidate indices to keep (null: all)
   * @param offset the offset across the side of {@code profile[0]}
   * @return the new number of samples
   */
  private static int peaks(
      double[] profile,
      int skip,
      IntPredicate accept,
      double along,
      double offset,
      double floor,
      double[] t,
      double[] d,
      double[] w,
      int n) {
    int found = 0;
    int[] best = new int[PEAKS];
    for (int j = Math.max(1, skip); j < profile.length - Math.max(1, skip); j++) {
      double v = profile[j];
      if (v < floor || v < profile[j - 1] || v < profile[j + 1]) {
        continue;
      }
      int weakest = 0;
      if (found == PEAKS) {
        for (int i = 1; i < PEAKS; i++) {
          if (profile[best[i]] < profile[best[weakest]]) {
            weakest = i;
          }
        }
        if (v <= profile[best[weakest]]) {
          continue;
        }
      }
      if (accept != null && !accept.test(j)) {
        continue;
      }
      if (found < PEAKS) {
        best[found++] = j;
      } else {
        best[weakest] = j;
      }
    }
    for (int i = 0; i < found; i++) {
      t[n] = along;
      d[n] = best[i] + offset + peakOffset(profile, best[i]);
      w[n] = profile[best[i]];
      n++;
    }
    return n;
  }

  /** Sub-pixel position of a peak from its two neighbours (a parabola through three values). */
  private static double peakOffset(double[] profile, int i) {
    if (i <= 0 || i >= profile.length - 1) {
      return 0;
    }
    double l = profile[i - 1];
    double c = profile[i];
    double r = profile[i + 1];
    double den = l - 2 * c + r;
    if (den >= 0) {
      return 0;
    }
    return Math.max(-0.5, Math.min(0.5, 0.5 * (l - r) / den));
  }

  private static Fitted intersect(Point[] quad, Side[] sides, double maxShift) {
    Point[] corners = new Point[4];
    double[] support = new double[4];
    double[] strength = new double[4];
    for (int k = 0; k < 4; k++) {
      Side before = sides[(k + 3) % 4];
      Side after = sides[k];
      Point c = before.meet(after);
      corners[k] = c == null || Geometry.dist(c, quad[k]) > maxShift ? quad[k] : c;
      support[k] = after.support;
      strength[k] = after.strength;
    }
    return new Fitted(corners, support, strength);
  }

  /** One side of a quad, from corner {@code k} to corner {@code k + 1}, and its fitted line. */
  private static final class Side {
    final Point p;
    final double length;
    final double ux;
    final double uy;
    final double nx;
    final double ny;
    double ax;
    double ay;
    double dx;
    double dy;
    double support;
    double strength;

    Side(Point[] quad, int k) {
      p = quad[k];
      Point q = quad[(k + 1) % 4];
      length = Math.max(1e-6, Geometry.dist(p, q));
      ux = (q.x - p.x) / length;
      uy = (q.y - p.y) / length;
      double cx = (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4;
      double cy = (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4;
      // The normal points out of the quad, so that offsets mean the same on every side.
      boolean inward = (cx - p.x) * -uy + (cy - p.y) * ux > 0;
      nx = inward ? uy : -uy;
      ny = inward ? -ux : ux;
      ax = p.x;
      ay = p.y;
      dx = ux;
      dy = uy;
    }

    Side fitted(LineFit fit) {
      if (fit != null) {
        ax = p.x + fit.a * nx;
        ay = p.y + fit.a * ny;
        dx = ux + fit.b * nx;
        dy = uy + fit.b * ny;
        support = fit.support;
        strength = fit.strength;
      }
      return this;
    }

    Point meet(Side o) {
      double den = dx * o.dy - dy * o.dx;
      if (Math.abs(den) < 1e-9) {
        return null;
      }
      double s = ((o.ax - ax) * o.dy - (o.ay - ay) * o.dx) / den;
      return new Point(ax + s * dx, ay + s * dy);
    }
  }
}
