package id.ktpscan.ocr.card;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The colour gradient of the working image, per pixel the channel with the strongest change.
 *
 * <p>Grey levels alone lose the card on white paper: the card's pale cyan and the paper differ by a
 * few grey levels but by 30 or more in red. Taking the strongest channel keeps that edge, as
 * OpenCV's Canny does for colour input.
 */
final class GradientField {

  final int width;
  final int height;
  private final float[] gx;
  private final float[] gy;

  /**
   * @param dx Sobel x derivative of a 3-channel image, {@code CV_16SC3}
   * @param dy Sobel y derivative, same type and size
   */
  GradientField(Mat dx, Mat dy) {
    width = dx.cols();
    height = dx.rows();
    int n = width * height;
    short[] x = new short[n * 3];
    short[] y = new short[n * 3];
    if (!dx.isContinuous() || !dy.isContinuous() || dx.type() != CvType.CV_16SC3) {
      throw new IllegalArgumentException("continuous CV_16SC3 derivatives expected");
    }
    dx.get(0, 0, x);
    dy.get(0, 0, y);
    gx = new float[n];
    gy = new float[n];
    for (int i = 0, k = 0; i < n; i++, k += 3) {
      int best = k;
      int bestMag = x[k] * x[k] + y[k] * y[k];
      for (int c = k + 1; c < k + 3; c++) {
        int mag = x[c] * x[c] + y[c] * y[c];
        if (mag > bestMag) {
          bestMag = mag;
          best = c;
        }
      }
      gx[i] = x[best];
      gy[i] = y[best];
    }
  }

  /** The gradient along a direction {@code (nx, ny)} at the nearest pixel, with its sign. */
  double signedAcross(double x, double y, double nx, double ny) {
    int px = (int) Math.round(x);
    int py = (int) Math.round(y);
    if (px < 0 || py < 0 || px >= width || py >= height) {
      return 0;
    }
    int i = py * width + px;
    return gx[i] * nx + gy[i] * ny;
  }

  /** The gradient's magnitude across a direction {@code (nx, ny)} at a sub-pixel point. */
  double across(double x, double y, double nx, double ny) {
    if (x < 0 || y < 0 || x > width - 1.001 || y > height - 1.001) {
      return 0;
    }
    int x0 = (int) x;
    int y0 = (int) y;
    double fx = x - x0;
    double fy = y - y0;
    int i = y0 * width + x0;
    double v00 = Math.abs(gx[i] * nx + gy[i] * ny);
    double v10 = Math.abs(gx[i + 1] * nx + gy[i + 1] * ny);
    double v01 = Math.abs(gx[i + width] * nx + gy[i + width] * ny);
    double v11 = Math.abs(gx[i + width + 1] * nx + gy[i + width + 1] * ny);
    return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
  }
}
