package id.ktpscan.ocr.card;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Rough quads that might be the card, from several independent views of the working image.
 *
 * <p>No single view finds the card in every photo: its outline breaks under glare or a thumb and
 * meets other edges wherever it crosses paper, its colour shifts under a colour cast, and its
 * region merges with paper or a box of a similar colour. Each view is cheap on the small working
 * image, so all of them propose, and fitting and scoring decide. The views kept are those that
 * found the card in generated photos where the others did not.
 */
final class Proposals {

  /** Shortest straight run of a contour taken as part of a side, in working pixels. */
  private static final double MIN_RUN = 15;

  /** The longest runs of a contour that are combined into quads (at most 495 combinations). */
  private static final int MAX_RUNS = 12;

  private final Mat work;
  private final double minArea;
  private final double maxArea;
  private final List<Point[]> quads = new ArrayList<>();

  private Proposals(Mat work) {
    this.work = work;
    double area = work.cols() * (double) work.rows();
    this.minArea = 0.003 * area;
    this.maxArea = 0.92 * area;
  }

  /**
   * Quads from all views, each as four corners in no particular order.
   *
   * @param work the working image, 8-bit BGR
   * @param dx its Sobel x derivative, {@code CV_16SC3}
   * @param dy its Sobel y derivative
   */
  static List<Point[]> of(Mat work, Mat dx, Mat dy) {
    Proposals p = new Proposals(work);
    p.fromEdges(dx, dy);
    p.fromColour();
    return p.quads;
  }

  /**
   * Closed outlines of the colour edge map, and straight lines of a fainter edge map combined into
   * quads (the card against paper of nearly its own colour gives only faint edges).
   */
  private void fromEdges(Mat dx, Mat dy) {
    Mat edges = new Mat();
    Imgproc.Canny(dx, dy, edges, 40, 110, true);
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
    Imgproc.dilate(edges, edges, kernel);
    addContours(edges, Imgproc.RETR_LIST);
    Imgproc.Canny(dx, dy, edges, 20, 55, true);
    quads.addAll(LineQuads.of(edges, minArea, maxArea));
    edges.release();
    kernel.release();
  }

  /**
   * Regions of the card's colour: the pale cyan-to-green print, told from white paper by red being
   * its weakest channel, and a hue window around the print's cyan and green.
   */
  private void fromColour() {
    Mat blurred = new Mat();
    Imgproc.GaussianBlur(work, blurred, new Size(5, 5), 0);
    Mat mask = new Mat();
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5));

    Mat cyan = new Mat();
    Mat toCyan = new Mat(1, 4, CvType.CV_32F);
    toCyan.put(0, 0, 0.5, 0.5, -1, 128);
    Core.transform(blurred, cyan, toCyan);
    levels(cyan, mask, kernel);

    Mat hsv = new Mat();
    Imgproc.cvtColor(blurred, hsv, Imgproc.COLOR_BGR2HSV);
    Core.inRange(hsv, new Scalar(70, 8, 50), new Scalar(115, 110, 255), mask);
    cleanAndAdd(mask, kernel);

    for (Mat m : List.of(blurred, mask, kernel, cyan, toCyan, hsv)) {
      m.release();
    }
  }

  /**
   * Masks of one channel above several levels between its median and its top: wherever the card
   * stands out in that channel, one of the levels separates it from its surroundings. The card
   * covers at least a few per cent of the photo, so the levels stop short of the top.
   */
  private void levels(Mat channel, Mat mask, Mat kernel) {
    byte[] data = new byte[(int) channel.total()];
    channel.get(0, 0, data);
    int[] histogram = new int[256];
    for (byte b : data) {
      histogram[b & 0xff]++;
    }
    int median = quantile(histogram, data.length, 0.5);
    int top = quantile(histogram, data.length, 0.995);
    for (int i = 0; i < 4; i++) {
      double level = median + (top - median) * (i + 0.5) / 6;
      Imgproc.threshold(channel, mask, level, 255, Imgproc.THRESH_BINARY);
      cleanAndAdd(mask, kernel);
    }
  }

  private static int quantile(int[] histogram, int total, double q) {
    long sum = 0;
    for (int v = 0; v < 256; v++) {
      sum += histogram[v];
      if (sum >= q * total) {
        return v;
      }
    }
    return 255;
  }

  /** Closes the holes that print and the photo punch in the card's region, then proposes. */
  private void cleanAndAdd(Mat mask, Mat kernel) {
    Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel, new Point(-1, -1), 2);
    Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, kernel);
    addContours(mask, Imgproc.RETR_EXTERNAL);
  }

  private void addContours(Mat binary, int mode) {
    List<MatOfPoint> contours = new ArrayList<>();
    Mat hierarchy = new Mat();
    Imgproc.findContours(binary, contours, hierarchy, mode, Imgproc.CHAIN_APPROX_SIMPLE);
    hierarchy.release();
    for (MatOfPoint contour : contours) {
      double area = Imgproc.contourArea(contour);
      if (area >= minArea && area <= maxArea) {
        addHullQuads(contour);
        addRunQuads(contour);
      }
      contour.release();
    }
  }

  /** The contour's hull simplified to four vertices where it can be, and its bounding box. */
  private void addHullQuads(MatOfPoint contour) {
    Point[] points = contour.toArray();
    MatOfInt indices = new MatOfInt();
    Imgproc.convexHull(contour, indices);
    int[] idx = indices.toArray();
    indices.release();
    Point[] hull = new Point[idx.length];
    for (int i = 0; i < idx.length; i++) {
      hull[i] = points[idx[i]];
    }
    MatOfPoint2f hullCurve = new MatOfPoint2f(hull);
    double perimeter = Imgproc.arcLength(hullCurve, true);
    MatOfPoint2f approx = new MatOfPoint2f();
    for (double eps : new double[] {0.02, 0.035, 0.05}) {
      Imgproc.approxPolyDP(hullCurve, approx, eps * perimeter, true);
      if (approx.total() == 4) {
        quads.add(approx.toArray());
        break;
      }
    }
    RotatedRect box = Imgproc.minAreaRect(hullCurve);
    Point[] corners = new Point[4];
    box.points(corners);
    quads.add(corners);
    hullCurve.release();
    approx.release();
  }

  /**
   * Quads whose sides are four of the contour's straight runs, the two that cover their sides best.
   * A card lying against paper or a box of a similar colour merges with it into one region, and a
   * gap in the card's outline joins the card's inside to the background; either way the card's own
   * sides remain long straight runs of the contour, in order around it.
   */
  private void addRunQuads(MatOfPoint contour) {
    MatOfPoint2f curve = new MatOfPoint2f(contour.toArray());
    double perimeter = Imgproc.arcLength(curve, true);
    MatOfPoint2f approx = new MatOfPoint2f();
    Imgproc.approxPolyDP(curve, approx, Math.max(1.5, 0.005 * perimeter), true);
    Point[] v = approx.toArray();
    curve.release();
    approx.release();
    int m = v.length;
    List<Integer> runs = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (Geometry.dist(v[i], v[(i + 1) % m]) >= MIN_RUN) {
        runs.add(i);
      }
    }
    if (runs.size() > MAX_RUNS) {
      List<Integer> longest = new ArrayList<>(runs);
      longest.sort((a, b) -> Double.compare(runLength(v, b), runLength(v, a)));
      runs.retainAll(longest.subList(0, MAX_RUNS));
    }
    int r = runs.size();
    Point[] best = null;
    Point[] second = null;
    double bestCover = 0.55;
    double secondCover = 0.55;
    for (int i0 = 0; i0 < r; i0++) {
      for (int i1 = i0 + 1; i1 < r; i1++) {
        for (int i2 = i1 + 1; i2 < r; i2++) {
          for (int i3 = i2 + 1; i3 < r; i3++) {
            int[] pick = {runs.get(i0), runs.get(i1), runs.get(i2), runs.get(i3)};
            Point[] quad = new Point[4];
            for (int k = 0; k < 4; k++) {
              int a = pick[k];
              int b = pick[(k + 1) % 4];
              quad[(k + 1) % 4] = meet(v[a], v[(a + 1) % m], v[b], v[(b + 1) % m]);
            }
            double cover = cover(quad, pick, v);
            if (cover > bestCover) {
              second = best;
              secondCover = bestCover;
              best = quad;
              bestCover = cover;
            } else if (cover > secondCover) {
              second = quad;
              secondCover = cover;
            }
          }
        }
      }
    }
    if (best != null) {
      quads.add(best);
    }
    if (second != null) {
      quads.add(second);
    }
  }

  /**
   * The share of the quad's perimeter that its runs cover, or 0 when the quad is not convex or a
   * run reaches well past its side's ends.
   */
  private static double cover(Point[] quad, int[] pick, Point[] v) {
    for (Point p : quad) {
      if (p == null) {
        return 0;
      }
    }
    if (!convex(quad)) {
      return 0;
    }
    double covered = 0;
    double sides = 0;
    for (int k = 0; k < 4; k++) {
      int a = pick[k];
      double c = covered(quad[k], quad[(k + 1) % 4], v[a], v[(a + 1) % v.length]);
      if (c < 0) {
        return 0;
      }
      covered += c;
      sides += Geometry.dist(quad[k], quad[(k + 1) % 4]);
    }
    return covered / sides;
  }

  private static double runLength(Point[] v, int i) {
    return Geometry.dist(v[i], v[(i + 1) % v.length]);
  }

  /**
   * How much of the quad side {@code p→q} the run {@code a→b} (on the same line) covers; -1 when
   * the run reaches well past the side's ends, so that it cannot be that side.
   */
  private static double covered(Point p, Point q, Point a, Point b) {
    double len = Geometry.dist(p, q);
    if (len < 1e-6) {
      return -1;
    }
    double ux = (q.x - p.x) / len;
    double uy = (q.y - p.y) / len;
    double ta = (a.x - p.x) * ux + (a.y - p.y) * uy;
    double tb = (b.x - p.x) * ux + (b.y - p.y) * uy;
    double lo = Math.min(ta, tb);
    double hi = Math.max(ta, tb);
    double slack = 0.1 * len + 3;
    if (lo < -slack || hi > len + slack) {
      return -1;
    }
    return Math.max(0, Math.min(len, hi) - Math.max(0, lo));
  }

  /**
   * Where the lines through {@code a→b} and {@code c→d} meet, or null when they are too far from
   * perpendicular to be adjacent sides of a card, even in perspective.
   */
  private static Point meet(Point a, Point b, Point c, Point d) {
    double rx = b.x - a.x;
    double ry = b.y - a.y;
    double sx = d.x - c.x;
    double sy = d.y - c.y;
    double den = rx * sy - ry * sx;
    if (Math.abs(den) < 0.35 * Math.hypot(rx, ry) * Math.hypot(sx, sy)) {
      return null;
    }
    double t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / den;
    return new Point(a.x + t * rx, a.y + t * ry);
  }

  private static boolean convex(Point[] q) {
    int sign = 0;
    for (int k = 0; k < 4; k++) {
      Point a = q[k];
      Point b = q[(k + 1) % 4];
      Point c = q[(k + 2) % 4];
      int s = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) > 0 ? 1 : -1;
      if (sign != 0 && s != sign) {
        return false;
      }
      sign = s;
    }
    return true;
  }
}
