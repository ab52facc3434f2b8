package id.ktpscan.ocr.engine;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A detected text line as a quadrilateral in image coordinates, corners in reading order, so that
 * later stages can crop it and reason about rows without knowing how it was found.
 *
 * @param topLeft start of the line's top edge
 * @param topRight end of the line's top edge
 * @param bottomRight end of the line's bottom edge
 * @param bottomLeft start of the line's bottom edge
 * @param score mean text probability inside the box (0..1)
 */
public record TextBox(
    Vertex topLeft, Vertex topRight, Vertex bottomRight, Vertex bottomLeft, double score) {

  /** A point in image coordinates. */
  public record Vertex(double x, double y) {

    double distanceTo(Vertex other) {
      return Math.hypot(x - other.x, y - other.y);
    }

    Vertex midpoint(Vertex other) {
      return new Vertex((x + other.x) / 2, (y + other.y) / 2);
    }
  }

  /**
   * Orders four corners of a roughly horizontal line: the two leftmost are the line's start, and of
   * each pair the upper one is on the top edge.
   */
  public static TextBox fromCorners(Vertex[] corners, double score) {
    if (corners.length != 4) {
      throw new IllegalArgumentException("a text box has 4 corners");
    }
    Vertex[] byX = corners.clone();
    Arrays.sort(byX, Comparator.comparingDouble(Vertex::x));
    Vertex[] left = upperFirst(byX[0], byX[1]);
    Vertex[] right = upperFirst(byX[2], byX[3]);
    return new TextBox(left[0], right[0], right[1], left[1], score);
  }

  private static Vertex[] upperFirst(Vertex a, Vertex b) {
    return a.y() <= b.y() ? new Vertex[] {a, b} : new Vertex[] {b, a};
  }

  public double centerX() {
    return (topLeft.x() + topRight.x() + bottomRight.x() + bottomLeft.x()) / 4;
  }

  public double centerY() {
    return (topLeft.y() + topRight.y() + bottomRight.y() + bottomLeft.y()) / 4;
  }

  /** Mean length of the top and bottom edges. */
  public double width() {
    return (topLeft.distanceTo(topRight) + bottomLeft.distanceTo(bottomRight)) / 2;
  }

  /** Mean length of the left and right edges. */
  public double height() {
    return (topLeft.distanceTo(bottomLeft) + topRight.distanceTo(bottomRight)) / 2;
  }

  /** Slope of the line's midline in degrees; positive when the line runs downhill. */
  public double angle() {
    Vertex start = topLeft.midpoint(bottomLeft);
    Vertex end = topRight.midpoint(bottomRight);
    return Math.toDegrees(Math.atan2(end.y() - start.y(), end.x() - start.x()));
  }

  /** The point at fraction {@code t} (0 = start, 1 = end) along the line's midline. */
  public Vertex alongMidline(double t) {
    Vertex start = topLeft.midpoint(bottomLeft);
    Vertex end = topRight.midpoint(bottomRight);
    return new Vertex(start.x() + t * (end.x() - start.x()), start.y() + t * (end.y() - start.y()));
  }

  /** The corners in order TL, TR, BR, BL. */
  public Vertex[] corners() {
    return new Vertex[] {topLeft, topRight, bottomRight, bottomLeft};
  }
}
