package id.ktpscan.ocr.engine;

import java.util.Arrays;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A text line cut out of the image, straightened and scaled to the recogniser's input height, with
 * the colour of its background so that padding does not add black bars the model would read.
 *
 * @param image BGR, {@code height} rows, {@code width} columns; owned by this crop
 * @param background per-channel median of the crop's border pixels
 */
record LineCrop(Mat image, Scalar background) implements AutoCloseable {

  int width() {
    return image.cols();
  }

  /**
   * Perspective-crops {@code box} and scales it to {@code height}, keeping the aspect ratio up to
   * {@code maxWidth} (longer lines are squeezed).
   */
  static LineCrop of(Mat bgr, TextBox box, int height, int maxWidth) {
    return of(bgr, box, height, maxWidth, 1.0);
  }

  /** As {@link #of(Mat, TextBox, int, int)}, stretched horizontally by {@code widthScale}. */
  static LineCrop of(Mat bgr, TextBox box, int height, int maxWidth, double widthScale) {
    TextBox.Vertex[] c = box.corners();
    int cropWidth = (int) Math.max(1, Math.round(Math.max(dist(c[0], c[1]), dist(c[3], c[2]))));
    int cropHeight = (int) Math.max(1, Math.round(Math.max(dist(c[0], c[3]), dist(c[1], c[2]))));
    MatOfPoint2f from = new MatOfPoint2f(point(c[0]), point(c[1]), point(c[2]), point(c[3]));
    MatOfPoint2f to =
        new MatOfPoint2f(
            new Point(0, 0),
            new Point(cropWidth, 0),
            new Point(cropWidth, cropHeight),
            new Point(0, cropHeight));
    Mat transform = Imgproc.getPerspectiveTransform(from, to);
    Mat warped = new Mat();
    Mat scaled = new Mat();
    try {
      Imgproc.warpPerspective(
          bgr,
          warped,
          transform,
          new Size(cropWidth, cropHeight),
          Imgproc.INTER_LINEAR,
          Core.BORDER_REPLICATE);
      int width =
          (int)
              Math.max(
                  1,
                  Math.min(
                      maxWidth, Math.round((double) cropWidth * height / cropHeight * widthScale)));
      int interpolation = cropHeight > height ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
      Imgproc.resize(warped, scaled, new Size(width, height), 0, 0, interpolation);
      return new LineCrop(scaled, borderMedian(scaled));
    } catch (RuntimeException e) {
      scaled.release();
      throw e;
    } finally {
      from.release();
      to.release();
      transform.release();
      warped.release();
    }
  }

  private static Scalar borderMedian(Mat bgr) {
    int rows = bgr.rows();
    int cols = bgr.cols();
    byte[] pixels = new byte[rows * cols * 3];
    bgr.get(0, 0, pixels);
    int border = rows == 1 || cols == 1 ? rows * cols : 2 * (rows + cols) - 4;
    int[][] values = new int[3][border];
    int n = 0;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        if (y == 0 || y == rows - 1 || x == 0 || x == cols - 1) {
          for (int ch = 0; ch < 3; ch++) {
            values[ch][n] = pixels[(y * cols + x) * 3 + ch] & 0xFF;
          }
          n++;
        }
      }
    }
    double[] median = new double[3];
    for (int ch = 0; ch < 3; ch++) {
      int[] channel = Arrays.copyOf(values[ch], n);
      Arrays.sort(channel);
      median[ch] = channel[n / 2];
    }
    return new Scalar(median);
  }

  private static double dist(TextBox.Vertex a, TextBox.Vertex b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  private static Point point(TextBox.Vertex v) {
    return new Point(v.x(), v.y());
  }

  @Override
  public void close() {
    image.release();
  }
}
