package id.ktpscan.ocr.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the card in a photo: the quadrilateral of an ID-1 card, at any position, in-plane rotation
 * and moderate perspective, on a cluttered background.
 *
 * <p>Two independent views of the photo propose quadrilaterals: edges (the card's outline against
 * the background) and brightness (the card is a light, low-saturation surface). Each candidate is
 * scored by its size, how close its aspect is to a card's and how well the outline fills it.
 */
public final class CardFinder {

  /** ID-1 aspect, 85.60 × 53.98 mm. */
  public static final double CARD_ASPECT = 85.60 / 53.98;

  static final int WORK_SIDE = 800;

  /**
   * A card found in the photo.
   *
   * @param corners the card's corners in photo pixels, ordered so that {@code corners[0]→[1]} is a
   *     long edge (top-left, top-right, bottom-right, bottom-left of the card as seen, up to a half
   *     turn that {@link Rectifier} resolves)
   * @param score how card-like the outline is, in [0, 1]
   */
  public record Quad(Point[] corners, double score) {

    /** Length of the card's long edge in photo pixels. */
    public double width() {
      return (Geometry.dist(corners[0], corners[1]) + Geometry.dist(corners[3], corners[2])) / 2;
    }

    public double height() {
      return (Geometry.dist(corners[0], corners[3]) + Geometry.dist(corners[1], corners[2])) / 2;
    }
  }

  /** Every candidate, in photo pixels (for diagnostics). */
  public List<Quad> candidates(Mat bgr) {
    double scale = Math.min(1.0, (double) WORK_SIDE / Math.max(bgr.cols(), bgr.rows()));
    Mat small = new Mat();
    Imgproc.resize(
        bgr,
        small,
        new Size(Math.round(bgr.cols() * scale), Math.round(bgr.rows() * scale)),
        0,
        0,
        Imgproc.INTER_AREA);
    List<Quad> candidates = new ArrayList<>();
    candidates.addAll(fromEdges(small));
    candidates.addAll(fromBrightness(small));
    candidates.addAll(fromCardColour(small));
    small.release();
    List<Quad> out = new ArrayList<>();
    for (Quad q : candidates) {
      Point[] corners = new Point[4];
      for (int i = 0; i < 4; i++) {
        corners[i] = new Point(q.corners()[i].x / scale, q.corners()[i].y / scale);
      }
      out.add(new Quad(corners, q.score()));
    }
    return out;
  }

  public Optional<Quad> find(Mat bgr) {
    double scale = Math.min(1.0, (double) WORK_SIDE / Math.max(bgr.cols(), bgr.rows()));
    Mat small = new Mat();
    Imgproc.resize(
        bgr,
        small,
        new Size(Math.round(bgr.cols() * scale), Math.round(bgr.rows() * scale)),
        0,
        0,
        Imgproc.INTER_AREA);
    List<Quad> candidates = new ArrayList<>();
    candidates.addAll(fromEdges(small));
    candidates.addAll(fromBrightness(small));
    candidates.addAll(fromCardColour(small));
    small.release();
    Quad best = null;
    for (Quad q : candidates) {
      if (best == null || q.score() > best.score()) {
        best = q;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Point[] corners = new Point[4];
    for (int i = 0; i < 4; i++) {
      corners[i] = new Point(best.corners()[i].x / scale, best.corners()[i].y / scale);
    }
    return Optional.of(new Quad(refine(bgr, corners, scale), best.score()));
  }

  private List<Quad> fromEdges(Mat small) {
    Mat gray = new Mat();
    Imgproc.cvtColor(small, gray, Imgproc.COLOR_BGR2GRAY);
    Imgproc.GaussianBlur(gray, gray, new Size(5, 5), 0);
    Mat edges = new Mat();
    Imgproc.Canny(gray, edges, 30, 90);
    Imgproc.dilate(edges, edges, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
    List<Quad> quads = quadsOf(edges, small.size(), Imgproc.RETR_LIST);
    gray.release();
    edges.release();
    return quads;
  }

  private List<Quad> fromBrightness(Mat small) {
    Mat hsv = new Mat();
    Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
    List<Mat> channels = new ArrayList<>();
    Core.split(hsv, channels);
    // Light and not strongly coloured: the card's printed background.
    Mat bright = new Mat();
    Mat pale = new Mat();
    double meanV = Core.mean(channels.get(2)).val[0];
    Imgproc.threshold(channels.get(2), bright, Math.max(110, meanV), 255, Imgproc.THRESH_BINARY);
    Imgproc.threshold(channels.get(1), pale, 90, 255, Imgproc.THRESH_BINARY_INV);
    Mat mask = new Mat();
    Core.bitwise_and(bright, pale, mask);
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9));
    Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel);
    Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, kernel);
    List<Quad> quads = quadsOf(mask, small.size(), Imgproc.RETR_EXTERNAL);
    for (Mat m : channels) {
      m.release();
    }
    hsv.release();
    bright.release();
    pale.release();
    mask.release();
    return quads;
  }

  /**
   * The e-KTP's printed background is a pale cyan to green: a hue band with low (not zero)
   * saturation, which white paper, wood and strongly coloured objects do not share.
   */
  private List<Quad> fromCardColour(Mat small) {
    Mat hsv = new Mat();
    Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
    Imgproc.GaussianBlur(hsv, hsv, new Size(5, 5), 0);
    List<Quad> quads = new ArrayList<>();
    double[][] windows = {
      {70, 8, 50, 115, 110, 255}, {60, 5, 35, 125, 140, 255}, {75, 12, 70, 110, 90, 255}
    };
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(7, 7));
    for (double[] w : windows) {
      Mat mask = new Mat();
      Core.inRange(
          hsv,
          new org.opencv.core.Scalar(w[0], w[1], w[2]),
          new org.opencv.core.Scalar(w[3], w[4], w[5]),
          mask);
      // Text and the photo punch holes in the background: close them.
      Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel, new Point(-1, -1), 3);
      Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, kernel);
      quads.addAll(quadsOf(mask, small.size(), Imgproc.RETR_EXTERNAL));
      mask.release();
    }
    hsv.release();
    return quads;
  }

  private static List<Quad> quadsOf(Mat binary, Size size, int mode) {
    List<MatOfPoint> contours = new ArrayList<>();
    Mat hierarchy = new Mat();
    Imgproc.findContours(binary, contours, hierarchy, mode, Imgproc.CHAIN_APPROX_SIMPLE);
    hierarchy.release();
    double imageArea = size.width * size.height;
    List<Quad> quads = new ArrayList<>();
    for (MatOfPoint contour : contours) {
      double area = Imgproc.contourArea(contour);
      if (area < 0.01 * imageArea) {
        continue;
      }
      MatOfPoint2f curve = new MatOfPoint2f(contour.toArray());
      MatOfPoint hull = hull(contour);
      MatOfPoint2f hullCurve = new MatOfPoint2f(hull.toArray());
      double perimeter = Imgproc.arcLength(hullCurve, true);
      MatOfPoint2f approx = new MatOfPoint2f();
      Point[] corners = null;
      for (double eps : new double[] {0.02, 0.035, 0.05}) {
        Imgproc.approxPolyDP(hullCurve, approx, eps * perimeter, true);
        if (approx.total() == 4) {
          corners = approx.toArray();
          break;
        }
      }
      double fill;
      if (corners == null) {
        RotatedRect box = Imgproc.minAreaRect(curve);
        corners = new Point[4];
        box.points(corners);
        fill = area / Math.max(1, box.size.area()) * 0.85;
      } else {
        fill = area / Math.max(1, Imgproc.contourArea(new MatOfPoint(corners)));
      }
      Point[] ordered = order(corners);
      Quad quad = new Quad(ordered, 0);
      double aspect = quad.width() / Math.max(1, quad.height());
      double aspectFit = Math.exp(-Math.pow(Math.log(aspect / CARD_ASPECT) / 0.22, 2));
      double areaShare = Math.min(1, area / imageArea / 0.25);
      double score = aspectFit * Math.min(1, fill) * (0.4 + 0.6 * Math.sqrt(areaShare));
      if (aspectFit > 0.2) {
        quads.add(new Quad(ordered, score));
      }
      curve.release();
      hull.release();
      hullCurve.release();
      approx.release();
    }
    for (MatOfPoint c : contours) {
      c.release();
    }
    return quads;
  }

  private static MatOfPoint hull(MatOfPoint contour) {
    MatOfInt indices = new MatOfInt();
    Imgproc.convexHull(contour, indices);
    Point[] points = contour.toArray();
    int[] idx = indices.toArray();
    Point[] hull = new Point[idx.length];
    for (int i = 0; i < idx.length; i++) {
      hull[i] = points[idx[i]];
    }
    indices.release();
    return new MatOfPoint(hull);
  }

  /**
   * Corners clockwise from the top-left as seen, then turned so that the first edge is a long one:
   * a card photographed upright or upside down starts at its top-left (or bottom-right); a card
   * turned a quarter starts at the corner that makes its long edge the top.
   */
  static Point[] order(Point[] corners) {
    Point center = new Point(0, 0);
    for (Point p : corners) {
      center.x += p.x / 4;
      center.y += p.y / 4;
    }
    Point[] sorted = corners.clone();
    java.util.Arrays.sort(
        sorted,
        (a, b) ->
            Double.compare(
                Math.atan2(a.y - center.y, a.x - center.x),
                Math.atan2(b.y - center.y, b.x - center.x)));
    // atan2 order starts at the left (-pi): rotate so the corner closest to the top-left comes
    // first.
    int first = 0;
    for (int i = 1; i < 4; i++) {
      if (sorted[i].x + sorted[i].y < sorted[first].x + sorted[first].y) {
        first = i;
      }
    }
    Point[] clockwise = new Point[4];
    for (int i = 0; i < 4; i++) {
      clockwise[i] = sorted[(first + i) % 4];
    }
    double top =
        Geometry.dist(clockwise[0], clockwise[1]) + Geometry.dist(clockwise[3], clockwise[2]);
    double side =
        Geometry.dist(clockwise[0], clockwise[3]) + Geometry.dist(clockwise[1], clockwise[2]);
    if (side > top) {
      return new Point[] {clockwise[3], clockwise[0], clockwise[1], clockwise[2]};
    }
    return clockwise;
  }

  /** Corners found on the small image, moved to the strongest nearby corner of the full one. */
  private static Point[] refine(Mat bgr, Point[] corners, double scale) {
    if (scale >= 0.999) {
      return corners;
    }
    Mat gray = new Mat();
    Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
    MatOfPoint2f points = new MatOfPoint2f(corners);
    int window = (int) Math.max(3, Math.round(1.5 / scale));
    try {
      Imgproc.cornerSubPix(
          gray,
          points,
          new Size(window, window),
          new Size(-1, -1),
          new org.opencv.core.TermCriteria(
              org.opencv.core.TermCriteria.EPS + org.opencv.core.TermCriteria.COUNT, 20, 0.1));
      Point[] refined = points.toArray();
      for (int i = 0; i < 4; i++) {
        // cornerSubPix can wander along a straight edge; keep it near the coarse estimate.
        if (Geometry.dist(refined[i], corners[i]) > 2.5 / scale) {
          refined[i] = corners[i];
        }
      }
      return refined;
    } catch (RuntimeException e) {
      return corners;
    } finally {
      gray.release();
      points.release();
    }
  }
}
