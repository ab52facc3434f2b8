package id.ktpscan.ocr.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * Quads made of four straight lines of the edge map, whichever outlines the lines belong to.
 *
 * <p>Where a card lies across paper and wood, its outline meets other edges at every crossing, so
 * that no closed contour follows it alone; its four sides are still long straight lines. Straight
 * pieces of all edge curves are merged into lines, and pairs of roughly parallel lines are combined
 * with roughly perpendicular pairs into quads that the lines cover well.
 */
final class LineQuads {

  /** Shortest straight piece of an edge curve kept, in working pixels. */
  private static final double MIN_PIECE = 10;

  /** Lines combined into quads: the longest, with those that meet another at a corner first. */
  private static final int MAX_LINES = 40;

  /** Quads handed on for fitting. */
  private static final int MAX_QUADS = 24;

  private LineQuads() {}

  /** A line: a unit direction, a point on it and the covered intervals along it. */
  private static final class Line {
    final double ox;
    final double oy;
    final double ux;
    final double uy;
    final List<double[]> pieces = new ArrayList<>();
    double[] merged;
    double length;

    Line(Point a, Point b) {
      double len = Geometry.dist(a, b);
      ux = (b.x - a.x) / len;
      uy = (b.y - a.y) / len;
      ox = a.x;
      oy = a.y;
      pieces.add(new double[] {0, len});
    }

    Point at(double along) {
      return new Point(ox + along * ux, oy + along * uy);
    }

    double along(Point p) {
      return (p.x - ox) * ux + (p.y - oy) * uy;
    }

    double across(Point p) {
      return -(p.x - ox) * uy + (p.y - oy) * ux;
    }

    /** Joins overlapping pieces; the total is the line's evidence. */
    void merge() {
      pieces.sort((a, b) -> Double.compare(a[0], b[0]));
      List<double[]> out = new ArrayList<>();
      for (double[] p : pieces) {
        if (!out.isEmpty() && p[0] <= out.get(out.size() - 1)[1]) {
          double[] last = out.get(out.size() - 1);
          last[1] = Math.max(last[1], p[1]);
        } else {
          out.add(p.clone());
        }
      }
      merged = new double[out.size() * 2];
      length = 0;
      for (int i = 0; i < out.size(); i++) {
        merged[2 * i] = out.get(i)[0];
        merged[2 * i + 1] = out.get(i)[1];
        length += out.get(i)[1] - out.get(i)[0];
      }
    }

    /** Length of the line's pieces between two positions along it. */
    double covered(double from, double to) {
      double lo = Math.min(from, to);
      double hi = Math.max(from, to);
      double sum = 0;
      for (int i = 0; i < merged.length; i += 2) {
        sum += Math.max(0, Math.min(hi, merged[i + 1]) - Math.max(lo, merged[i]));
      }
      return sum;
    }
  }

  /**
   * Quads from the edge map: those of four lines that cover their sides best, then those of three.
   *
   * @param edges a thin edge map (Canny), 8-bit
   * @param minArea smallest quad area kept, in pixels
   * @param maxArea largest quad area kept
   */
  static List<Point[]> of(Mat edges, double minArea, double maxArea) {
    List<Line> lines = lines(edges);
    List<double[]> scored = new ArrayList<>();
    List<Point[]> found = new ArrayList<>();
    int n = lines.size();
    double minSide = Math.sqrt(minArea) * 0.6;
    for (int a = 0; a < n; a++) {
      Line la = lines.get(a);
      for (int c = a + 1; c < n; c++) {
        Line lc = lines.get(c);
        if (!roughlyParallel(la, lc)) {
          continue;
        }
        Point lcMid = new Point(lc.ox + lc.ux * lc.merged[0], lc.oy + lc.uy * lc.merged[0]);
        if (Math.abs(la.across(lcMid)) < minSide) {
          continue;
        }
        for (int b = a + 1; b < n; b++) {
          if (b == c) {
            continue;
          }
          Line lb = lines.get(b);
          if (!roughlyPerpendicular(la, lb) || !roughlyPerpendicular(lc, lb)) {
            continue;
          }
          for (int d = b + 1; d < n; d++) {
            if (d == c) {
              continue;
            }
            Line ld = lines.get(d);
            if (!roughlyParallel(lb, ld)
                || !roughlyPerpendicular(la, ld)
                || !roughlyPerpendicular(lc, ld)) {
              continue;
            }
            Point[] quad = {meet(la, lb), meet(lb, lc), meet(lc, ld), meet(ld, la)};
            double cover = cover(quad, new Line[] {lb, lc, ld, la});
            if (cover <= 0) {
              continue;
            }
            double area = Math.abs(area(quad));
            if (area < minArea || area > maxArea) {
              continue;
            }
            double ab = Geometry.dist(quad[0], quad[1]) + Geometry.dist(quad[2], quad[3]);
            double bc = Geometry.dist(quad[1], quad[2]) + Geometry.dist(quad[3], quad[0]);
            double aspect = Math.max(ab, bc) / Math.max(1e-6, Math.min(ab, bc));
            if (aspect < 1.2 || aspect > 2.2) {
              continue;
            }
            scored.add(new double[] {cover, found.size()});
            found.add(quad);
          }
        }
      }
    }
    List<Point[]> out = best(scored, found, MAX_QUADS);
    out.addAll(threeSided(lines, minSide, minArea, maxArea));
    return out;
  }

  private static List<Point[]> best(List<double[]> scored, List<Point[]> found, int count) {
    scored.sort((x, y) -> Double.compare(y[0], x[0]));
    List<Point[]> out = new ArrayList<>();
    for (int i = 0; i < scored.size() && out.size() < count; i++) {
      out.add(found.get((int) scored.get(i)[1]));
    }
    return out;
  }

  /**
   * Quads of two parallel lines, one across them, and a fourth side through the far ends of the
   * parallel pair: a thumb, glare or a faint boundary against paper can leave one side without any
   * straight edge worth the name.
   */
  private static List<Point[]> threeSided(
      List<Line> lines, double minSide, double minArea, double maxArea) {
    List<double[]> scored = new ArrayList<>();
    List<Point[]> found = new ArrayList<>();
    int n = lines.size();
    for (int a = 0; a < n; a++) {
      Line la = lines.get(a);
      for (int c = a + 1; c < n; c++) {
        Line lc = lines.get(c);
        if (!roughlyParallel(la, lc)) {
          continue;
        }
        for (int b = 0; b < n; b++) {
          Line lb = lines.get(b);
          if (b == a || b == c || !roughlyPerpendicular(la, lb) || !roughlyPerpendicular(lc, lb)) {
            continue;
          }
          Point pa = meet(la, lb);
          Point pc = meet(lc, lb);
          if (pa == null || pc == null || Geometry.dist(pa, pc) < minSide) {
            continue;
          }
          Point qa = farEnd(la, pa);
          Point qc = farEnd(lc, pc);
          Point[] quad = {pa, pc, qc, qa};
          double sideA = Geometry.dist(pa, qa);
          double sideC = Geometry.dist(pc, qc);
          double across = Geometry.dist(pa, pc);
          if (Math.min(sideA, sideC) < 0.6 * Math.max(sideA, sideC)) {
            continue;
          }
          double aspect = Math.max(sideA + sideC, 2 * across) / Math.min(sideA + sideC, 2 * across);
          double area = Math.abs(area(quad));
          if (aspect < 1.2 || aspect > 2.2 || area < minArea || area > maxArea) {
            continue;
          }
          double covered =
              lb.covered(lb.along(pa), lb.along(pc))
                  + la.covered(la.along(pa), la.along(qa))
                  + lc.covered(lc.along(pc), lc.along(qc));
          if (lb.covered(lb.along(pa), lb.along(pc)) < 0.4 * across) {
            continue;
          }
          // The straight part of a side stops where the rounded corner begins.
          double corner = 0.037 * Math.max(sideA, across);
          quad[2] = extend(pc, qc, corner);
          quad[3] = extend(pa, qa, corner);
          scored.add(new double[] {covered / (sideA + sideC + 2 * across), found.size()});
          found.add(quad);
        }
      }
    }
    return best(scored, found, MAX_QUADS / 2);
  }

  /** The end of the line's pieces farthest from {@code p}. */
  private static Point farEnd(Line line, Point p) {
    double at = line.along(p);
    double lo = line.merged[0];
    double hi = line.merged[line.merged.length - 1];
    double end = Math.abs(hi - at) > Math.abs(lo - at) ? hi : lo;
    return new Point(line.ox + end * line.ux, line.oy + end * line.uy);
  }

  private static Point extend(Point from, Point to, double by) {
    double len = Math.max(1e-6, Geometry.dist(from, to));
    return new Point(to.x + (to.x - from.x) / len * by, to.y + (to.y - from.y) / len * by);
  }

  /**
   * The share of the quad's perimeter covered by its lines' pieces, or 0 when a side is barely
   * covered or a line reaches far past its side (then it is not that side but a longer edge).
   */
  private static double cover(Point[] quad, Line[] sides) {
    double covered = 0;
    double perimeter = 0;
    for (int k = 0; k < 4; k++) {
      Point p = quad[k];
      Point q = quad[(k + 1) % 4];
      if (p == null || q == null) {
        return 0;
      }
      Line line = sides[k];
      double from = line.along(p);
      double to = line.along(q);
      double len = Math.abs(to - from);
      double inside = line.covered(from, to);
      if (inside < 0.2 * len) {
        return 0;
      }
      double lo = Math.min(from, to);
      double hi = Math.max(from, to);
      double outside =
          line.covered(lo - len, lo - 0.08 * len) + line.covered(hi + 0.08 * len, hi + len);
      if (outside > 0.5 * inside) {
        return 0;
      }
      covered += inside - outside;
      perimeter += len;
    }
    return covered / perimeter;
  }

  private static boolean roughlyParallel(Line a, Line b) {
    return Math.abs(a.ux * b.uy - a.uy * b.ux) < 0.45;
  }

  private static boolean roughlyPerpendicular(Line a, Line b) {
    return Math.abs(a.ux * b.ux + a.uy * b.uy) < 0.55;
  }

  private static Point meet(Line a, Line b) {
    double den = a.ux * b.uy - a.uy * b.ux;
    if (Math.abs(den) < 1e-6) {
      return null;
    }
    double s = ((b.ox - a.ox) * b.uy - (b.oy - a.oy) * b.ux) / den;
    return new Point(a.ox + s * a.ux, a.oy + s * a.uy);
  }

  private static double area(Point[] q) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      Point a = q[i];
      Point b = q[(i + 1) % 4];
      s += a.x * b.y - a.y * b.x;
    }
    return s / 2;
  }

  /** Straight pieces of the edge curves, merged into lines; the best-placed lines first. */
  private static List<Line> lines(Mat edges) {
    List<MatOfPoint> contours = new ArrayList<>();
    Mat hierarchy = new Mat();
    Imgproc.findContours(edges, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_NONE);
    hierarchy.release();
    List<Point[]> pieces = new ArrayList<>();
    MatOfPoint2f approx = new MatOfPoint2f();
    for (MatOfPoint contour : contours) {
      if (contour.total() >= 2 * MIN_PIECE) {
        MatOfPoint2f curve = new MatOfPoint2f(contour.toArray());
        Imgproc.approxPolyDP(curve, approx, 1.2, true);
        Point[] v = approx.toArray();
        for (int i = 0; i < v.length; i++) {
          Point p = v[i];
          Point q = v[(i + 1) % v.length];
          if (Geometry.dist(p, q) >= MIN_PIECE) {
            pieces.add(new Point[] {p, q});
          }
        }
        curve.release();
      }
      contour.release();
    }
    approx.release();
    pieces.sort((x, y) -> Double.compare(Geometry.dist(y[0], y[1]), Geometry.dist(x[0], x[1])));
    List<Line> lines = new ArrayList<>();
    for (Point[] piece : pieces) {
      Line home = null;
      for (Line line : lines) {
        if (Math.abs(line.across(piece[0])) < 1.8 && Math.abs(line.across(piece[1])) < 1.8) {
          home = line;
          break;
        }
      }
      if (home == null) {
        lines.add(new Line(piece[0], piece[1]));
      } else {
        double s = home.along(piece[0]);
        double t = home.along(piece[1]);
        home.pieces.add(new double[] {Math.min(s, t), Math.max(s, t)});
      }
    }
    for (Line line : lines) {
      line.merge();
    }
    lines.sort((x, y) -> Double.compare(y.length, x.length));
    boolean[] cornered = cornered(lines);
    double[] rank = new double[lines.size()];
    Integer[] order = new Integer[lines.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      rank[i] = lines.get(i).length * (cornered[i] ? 2 : 1);
    }
    Arrays.sort(order, (x, y) -> Double.compare(rank[y], rank[x]));
    List<Line> kept = new ArrayList<>();
    for (int i = 0; i < order.length && kept.size() < MAX_LINES; i++) {
      kept.add(lines.get(order[i]));
    }
    return kept;
  }

  /**
   * Marks the lines that end near the end of a roughly perpendicular line: the sides of a card meet
   * at corners, while print on paper, stripes and wood grain give long lines that meet nothing.
   * Such lines count double, so that clutter does not crowd the card's sides out.
   */
  private static boolean[] cornered(List<Line> lines) {
    int n = lines.size();
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      Line a = lines.get(i);
      for (int j = i + 1; j < n; j++) {
        Line b = lines.get(j);
        if ((out[i] && out[j]) || !roughlyPerpendicular(a, b)) {
          continue;
        }
        Point x = meet(a, b);
        if (x != null && nearEnd(a, x) && nearEnd(b, x)) {
          out[i] = true;
          out[j] = true;
        }
      }
    }
    return out;
  }

  /** Whether a point on the line lies close to (or a little beyond) one of its ends. */
  private static boolean nearEnd(Line line, Point x) {
    double t = line.along(x);
    double from = line.merged[0];
    double to = line.merged[line.merged.length - 1];
    double reach = 0.15 * (to - from) + 6;
    return Math.abs(t - from) < reach || Math.abs(t - to) < reach;
  }
}
