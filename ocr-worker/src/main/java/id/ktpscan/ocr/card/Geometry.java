package id.ktpscan.ocr.card;

import org.opencv.core.Point;

/** Small plane geometry that OpenCV's Java {@link Point} lacks. */
final class Geometry {

  private Geometry() {}

  static double dist(Point a, Point b) {
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
