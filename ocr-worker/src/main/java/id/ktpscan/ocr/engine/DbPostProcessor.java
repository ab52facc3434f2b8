package id.ktpscan.ocr.engine;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a DB (differentiable binarisation) probability map into text boxes: the same steps as
 * PaddleOCR's post-processing, with the polygon unclip done as a rotated-rectangle expansion, which
 * is what a min-area rectangle of the unclipped polygon comes to for a rectangle.
 */
final class DbPostProcessor {

  private final TextDetector.Options options;

  DbPostProcessor(TextDetector.Options options) {
    this.options = options;
  }

  /**
   * @param probabilities the map, shape {@code [1, 1, H, W]}
   * @param imageWidth width of the image the boxes are for
   * @param imageHeight height of the image the boxes are for
   */
  List<TextBox> boxes(FloatTensor probabilities, int imageWidth, int imageHeight) {
    int height = probabilities.dim(2);
    int width = probabilities.dim(3);
    double scaleX = (double) imageWidth / width;
    double scaleY = (double) imageHeight / height;
    Mat map = new Mat(height, width, CvType.CV_32F);
    Mat binary = new Mat();
    Mat hierarchy = new Mat();
    List<MatOfPoint> contours = new ArrayList<>();
    try {
      map.put(0, 0, probabilities.data());
      Imgproc.threshold(map, binary, options.binaryThreshold(), 255, Imgproc.THRESH_BINARY);
      binary.convertTo(binary, CvType.CV_8U);
      Imgproc.findContours(
          binary, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
      List<TextBox> boxes = new ArrayList<>();
      for (int i = 0; i < Math.min(contours.size(), options.maxCandidates()); i++) {
        TextBox box = boxOf(contours.get(i), map, scaleX, scaleY, imageWidth, imageHeight);
        if (box != null) {
          boxes.add(box);
        }
      }
      return boxes;
    } finally {
      contours.forEach(Mat::release);
      map.release();
      binary.release();
      hierarchy.release();
    }
  }

  private TextBox boxOf(
      MatOfPoint contour, Mat map, double scaleX, double scaleY, int imageWidth, int imageHeight) {
    MatOfPoint2f points = new MatOfPoint2f(contour.toArray());
    RotatedRect rect = Imgproc.minAreaRect(points);
    points.release();
    if (shortSide(rect.size) < options.minSize()) {
      return null;
    }
    double score = meanInside(map, rect);
    if (score < options.boxThreshold()) {
      return null;
    }
    RotatedRect grown = unclip(rect);
    if (shortSide(grown.size) < options.minSize() + 2) {
      return null;
    }
    Point[] corners = new Point[4];
    grown.points(corners);
    TextBox.Vertex[] mapped = new TextBox.Vertex[4];
    for (int i = 0; i < 4; i++) {
      mapped[i] =
          new TextBox.Vertex(
              clamp(corners[i].x * scaleX, imageWidth), clamp(corners[i].y * scaleY, imageHeight));
    }
    TextBox box = TextBox.fromCorners(mapped, score);
    return Math.min(box.width(), box.height()) < options.minSize() ? null : box;
  }

  private RotatedRect unclip(RotatedRect rect) {
    double w = rect.size.width;
    double h = rect.size.height;
    double offset = w * h * options.unclipRatio() / (2 * (w + h));
    return new RotatedRect(rect.center, new Size(w + 2 * offset, h + 2 * offset), rect.angle);
  }

  private static double meanInside(Mat map, RotatedRect rect) {
    Point[] corners = new Point[4];
    rect.points(corners);
    Rect bounds = rect.boundingRect();
    int x0 = Math.max(0, bounds.x);
    int y0 = Math.max(0, bounds.y);
    int x1 = Math.min(map.cols(), bounds.x + bounds.width + 1);
    int y1 = Math.min(map.rows(), bounds.y + bounds.height + 1);
    if (x1 <= x0 || y1 <= y0) {
      return 0;
    }
    Point[] shifted = new Point[4];
    for (int i = 0; i < 4; i++) {
      shifted[i] = new Point(Math.round(corners[i].x) - x0, Math.round(corners[i].y) - y0);
    }
    Mat roi = map.submat(y0, y1, x0, x1);
    Mat mask = Mat.zeros(y1 - y0, x1 - x0, CvType.CV_8U);
    MatOfPoint polygon = new MatOfPoint(shifted);
    try {
      Imgproc.fillPoly(mask, List.of(polygon), new Scalar(1));
      return Core.mean(roi, mask).val[0];
    } finally {
      roi.release();
      mask.release();
      polygon.release();
    }
  }

  private static double shortSide(Size size) {
    return Math.min(size.width, size.height);
  }

  private static double clamp(double value, int limit) {
    return Math.max(0, Math.min(limit, value));
  }
}
