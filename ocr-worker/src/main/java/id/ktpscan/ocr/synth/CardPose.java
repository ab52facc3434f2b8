package id.ktpscan.ocr.synth;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a card lies in a photo: its size, a 3-D tilt seen through a pinhole camera, an in-plane
 * rotation (quarter turns plus a small angle, clockwise in image coordinates) and its centre.
 * Corners are given in the card's own order (top-left, top-right, bottom-right, bottom-left of the
 * printed card), whatever way up it lies in the photo.
 *
 * @param width length of the card's top edge before the tilt, in photo pixels
 * @param quarter quarter turns clockwise, 0–3
 * @param angle small extra rotation, degrees clockwise
 * @param tiltX rotation about the card's horizontal axis, degrees
 * @param tiltY rotation about the card's vertical axis, degrees
 * @param focal the camera's focal length in photo pixels (short: strong perspective)
 * @param centerX the card centre's x in the photo
 * @param centerY the card centre's y in the photo
 */
record CardPose(
    double width,
    int quarter,
    double angle,
    double tiltX,
    double tiltY,
    double focal,
    double centerX,
    double centerY) {

  static final double ASPECT = (double) CardRenderer.HEIGHT / CardRenderer.WIDTH;

  /** The total clockwise rotation in degrees, as reported with a photo. */
  double rotation() {
    return quarter * 90 + angle;
  }

  CardPose withWidth(double newWidth) {
    return new CardPose(
        newWidth, quarter, angle, tiltX, tiltY, focal * newWidth / width, centerX, centerY);
  }

  /** The card's width as seen in the photo: the longer of its top and bottom edges. */
  double apparentWidth() {
    List<Point2D.Double> c = corners();
    return Math.max(c.get(0).distance(c.get(1)), c.get(3).distance(c.get(2)));
  }

  /** This pose scaled so that the card looks {@code target} pixels wide in the photo. */
  CardPose withApparentWidth(double target) {
    return withWidth(width * target / apparentWidth());
  }

  CardPose at(double x, double y) {
    return new CardPose(width, quarter, angle, tiltX, tiltY, focal, x, y);
  }

  /** The four corners in the photo: TL, TR, BR, BL of the card. */
  List<Point2D.Double> corners() {
    double w = width / 2;
    double h = width * ASPECT / 2;
    double[][] local = {{-w, -h}, {w, -h}, {w, h}, {-w, h}};
    double ax = Math.toRadians(tiltX);
    double ay = Math.toRadians(tiltY);
    double theta = Math.toRadians(rotation());
    List<Point2D.Double> corners = new ArrayList<>(4);
    for (double[] p : local) {
      double x1 = p[0] * Math.cos(ay);
      double z1 = p[0] * Math.sin(ay);
      double y2 = p[1] * Math.cos(ax) - z1 * Math.sin(ax);
      double z2 = p[1] * Math.sin(ax) + z1 * Math.cos(ax);
      double s = focal / (focal + z2);
      double xp = x1 * s;
      double yp = y2 * s;
      corners.add(
          new Point2D.Double(
              centerX + xp * Math.cos(theta) - yp * Math.sin(theta),
              centerY + xp * Math.sin(theta) + yp * Math.cos(theta)));
    }
    return corners;
  }

  /** Width and height of the box around the corners. */
  double[] extent() {
    double[] box = bounds(corners());
    return new double[] {box[2] - box[0], box[3] - box[1]};
  }

  /** minX, minY, maxX, maxY of some points. */
  static double[] bounds(List<Point2D.Double> points) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Point2D.Double p : points) {
      box[0] = Math.min(box[0], p.x);
      box[1] = Math.min(box[1], p.y);
      box[2] = Math.max(box[2], p.x);
      box[3] = Math.max(box[3], p.y);
    }
    return box;
  }

  /** The share of the card's area that lies outside a {@code w × h} image. */
  double outsideShare(int w, int h) {
    List<Point2D.Double> quad = corners();
    double total = Math.abs(area(quad));
    List<Point2D.Double> inside = quad;
    inside = clip(inside, p -> p.x >= 0, (a, b) -> cross(a, b, (a.x) / (a.x - b.x)));
    inside = clip(inside, p -> p.x <= w, (a, b) -> cross(a, b, (w - a.x) / (b.x - a.x)));
    inside = clip(inside, p -> p.y >= 0, (a, b) -> cross(a, b, (a.y) / (a.y - b.y)));
    inside = clip(inside, p -> p.y <= h, (a, b) -> cross(a, b, (h - a.y) / (b.y - a.y)));
    return total == 0 ? 1 : 1 - Math.abs(area(inside)) / total;
  }

  private static Point2D.Double cross(Point2D.Double a, Point2D.Double b, double t) {
    return new Point2D.Double(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
  }

  private interface Side {
    boolean inside(Point2D.Double p);
  }

  private interface Cut {
    Point2D.Double at(Point2D.Double a, Point2D.Double b);
  }

  /** One Sutherland–Hodgman step: keeps the part of a polygon on the inner side of a line. */
  private static List<Point2D.Double> clip(List<Point2D.Double> polygon, Side side, Cut cut) {
    List<Point2D.Double> out = new ArrayList<>();
    for (int i = 0; i < polygon.size(); i++) {
      Point2D.Double a = polygon.get(i);
      Point2D.Double b = polygon.get((i + 1) % polygon.size());
      boolean ia = side.inside(a);
      boolean ib = side.inside(b);
      if (ia) {
        out.add(a);
      }
      if (ia != ib) {
        out.add(cut.at(a, b));
      }
    }
    return out;
  }

  private static double area(List<Point2D.Double> polygon) {
    double sum = 0;
    for (int i = 0; i < polygon.size(); i++) {
      Point2D.Double a = polygon.get(i);
      Point2D.Double b = polygon.get((i + 1) % polygon.size());
      sum += a.x * b.y - b.x * a.y;
    }
    return sum / 2;
  }
}
