package id.ktpscan.ocr.synth;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Image degradations of phone photos, on 8-bit BGR matrices in place. Noise is drawn from the
 * caller's {@link Random} (never OpenCV's global generator) so that output is reproducible.
 */
final class Effects {

  private Effects() {}

  static void gaussianBlur(Mat image, double sigma) {
    if (sigma > 0.05) {
      Imgproc.GaussianBlur(image, image, new Size(0, 0), sigma);
    }
  }

  /** Camera shake: a straight streak of {@code length} pixels at {@code degrees}. */
  static void motionBlur(Mat image, double length, double degrees) {
    int size = ((int) Math.ceil(length)) | 1;
    if (size < 3) {
      return;
    }
    Mat kernel = Mat.zeros(size, size, CvType.CV_32F);
    double c = (size - 1) / 2.0;
    double a = Math.toRadians(degrees);
    Point from = new Point(c - Math.cos(a) * length / 2, c - Math.sin(a) * length / 2);
    Point to = new Point(c + Math.cos(a) * length / 2, c + Math.sin(a) * length / 2);
    Imgproc.line(kernel, from, to, new org.opencv.core.Scalar(1), 1, Imgproc.LINE_AA);
    Core.divide(kernel, new org.opencv.core.Scalar(Core.sumElems(kernel).val[0]), kernel);
    Imgproc.filter2D(image, image, -1, kernel);
  }

  /** Phone sharpening: an unsharp mask that leaves light halos along edges. */
  static void sharpen(Mat image, double amount) {
    Mat blurred = new Mat();
    Imgproc.GaussianBlur(image, blurred, new Size(0, 0), 1.2);
    Core.addWeighted(image, 1 + amount, blurred, -amount, 0, image);
    blurred.release();
  }

  /**
   * Worn or faded print: pulls ink towards the local background, keeping the background itself.
   *
   * @param contrast what remains of the ink's contrast, in (0, 1]
   */
  static void fade(Mat card, double contrast) {
    Mat paper = new Mat();
    Imgproc.dilate(card, paper, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9)));
    Imgproc.GaussianBlur(paper, paper, new Size(0, 0), 4);
    Core.addWeighted(card, contrast, paper, 1 - contrast, 0, card);
    paper.release();
  }

  /** Multiplies each pixel by a smooth per-channel gain given at low resolution (float, 3 ch). */
  static void applyGain(Mat image, Mat lowResGain) {
    Mat gain = new Mat();
    Imgproc.resize(lowResGain, gain, image.size(), 0, 0, Imgproc.INTER_LINEAR);
    Mat wide = new Mat();
    image.convertTo(wide, CvType.CV_32FC3);
    Core.multiply(wide, gain, wide);
    wide.convertTo(image, CvType.CV_8UC3);
    wide.release();
    gain.release();
  }

  /**
   * A specular reflection: pixels pulled towards white with a Gaussian falloff, only where {@code
   * surface} (8-bit mask) is set; where {@code peak} exceeds 1 the core clips to pure white, as a
   * saturated sensor does.
   */
  static void glare(
      Mat image,
      Mat surface,
      Point centre,
      double axisA,
      double axisB,
      double degrees,
      double peak) {
    double reach = 3.2 * Math.max(axisA, axisB);
    int x0 = clamp((int) (centre.x - reach), image.cols());
    int y0 = clamp((int) (centre.y - reach), image.rows());
    int x1 = clamp((int) (centre.x + reach), image.cols());
    int y1 = clamp((int) (centre.y + reach), image.rows());
    if (x1 - x0 < 2 || y1 - y0 < 2) {
      return;
    }
    int step = 4;
    int w = (x1 - x0 + step - 1) / step + 1;
    int h = (y1 - y0 + step - 1) / step + 1;
    float[] field = new float[w * h];
    double cos = Math.cos(Math.toRadians(degrees));
    double sin = Math.sin(Math.toRadians(degrees));
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        double dx = x0 + i * step - centre.x;
        double dy = y0 + j * step - centre.y;
        double u = (dx * cos + dy * sin) / axisA;
        double v = (-dx * sin + dy * cos) / axisB;
        field[j * w + i] = (float) Math.min(1.0, peak * Math.exp(-0.5 * (u * u + v * v)));
      }
    }
    Mat small = new Mat(h, w, CvType.CV_32F);
    small.put(0, 0, field);
    Mat weight = new Mat();
    Imgproc.resize(small, weight, new Size((w - 1) * step + 1, (h - 1) * step + 1));
    weight = weight.submat(0, y1 - y0, 0, x1 - x0);
    Rect area = new Rect(x0, y0, x1 - x0, y1 - y0);
    Mat on = new Mat();
    surface.submat(area).convertTo(on, CvType.CV_32F, 1 / 255.0);
    Core.multiply(weight, on, weight);
    on.release();
    Mat roi = image.submat(area);
    Mat wide = new Mat();
    roi.convertTo(wide, CvType.CV_32FC3);
    Mat weight3 = new Mat();
    Core.merge(List.of(weight, weight, weight), weight3);
    Mat white = new Mat(wide.size(), CvType.CV_32FC3, new org.opencv.core.Scalar(255, 255, 255));
    Core.subtract(white, wide, white);
    Core.multiply(white, weight3, white);
    Core.add(wide, white, wide);
    wide.convertTo(roi, CvType.CV_8UC3);
    wide.release();
    white.release();
    weight3.release();
  }

  /**
   * Signed per-pixel noise, {@code CV_16SC3}: a luminance part shared by the channels and a smaller
   * colour part, slightly smoothed as a phone's demosaicing does. A tile is drawn and repeated,
   * which is invisible at these sizes and keeps the cost low.
   */
  static Mat noiseField(int width, int height, double sigma, double chroma, Random rnd) {
    int tw = Math.min(width, 509);
    int th = Math.min(height, 509);
    SplittableRandom fast = new SplittableRandom(rnd.nextLong());
    short[] data = new short[tw * th * 3];
    for (int i = 0; i < tw * th; i++) {
      double luma = fast.nextGaussian() * sigma;
      for (int c = 0; c < 3; c++) {
        data[i * 3 + c] = (short) Math.round(luma + chroma * sigma * fast.nextGaussian());
      }
    }
    Mat tile = new Mat(th, tw, CvType.CV_16SC3);
    tile.put(0, 0, data);
    Mat full = new Mat();
    Core.repeat(tile, (height + th - 1) / th, (width + tw - 1) / tw, full);
    Mat out = full.submat(0, height, 0, width).clone();
    full.release();
    tile.release();
    return out;
  }

  /** Sensor noise of standard deviation {@code sigma} grey levels. */
  static void sensorNoise(Mat image, double sigma, Random rnd) {
    Mat noise = noiseField(image.cols(), image.rows(), sigma, 0.35, rnd);
    Imgproc.GaussianBlur(noise, noise, new Size(0, 0), 0.6);
    addSigned(image, noise);
    noise.release();
  }

  /** Adds a signed 16-bit field to an 8-bit image, saturating. */
  static void addSigned(Mat image, Mat noise) {
    Mat wide = new Mat();
    image.convertTo(wide, CvType.CV_16SC3);
    Core.add(wide, noise, wide);
    wide.convertTo(image, CvType.CV_8UC3);
    wide.release();
  }

  /** Low-resolution lighting gain: brightness, colour cast, gradient, vignette and shadow. */
  static final class Lighting {
    double brightness = 1;
    double[] cast = {1, 1, 1};
    double gradient;
    double gradientAngle;
    double vignette;
    double shadow;
    double shadowAngle;
    double shadowOffset;
    double shadowSoftness = 0.08;

    Mat gainMap(int width, int height) {
      int w = Math.max(8, width / 16);
      int h = Math.max(8, height / 16);
      float[] data = new float[w * h * 3];
      double gx = Math.cos(gradientAngle);
      double gy = Math.sin(gradientAngle);
      double sx = Math.cos(shadowAngle);
      double sy = Math.sin(shadowAngle);
      for (int j = 0; j < h; j++) {
        for (int i = 0; i < w; i++) {
          double x = (i + 0.5) / w - 0.5;
          double y = (j + 0.5) / h - 0.5;
          double g = brightness * (1 + gradient * (x * gx + y * gy));
          g *= 1 - vignette * (x * x + y * y) * 2;
          if (shadow > 0) {
            double d = (x * sx + y * sy - shadowOffset) / shadowSoftness;
            g *= 1 - shadow / (1 + Math.exp(-d));
          }
          for (int c = 0; c < 3; c++) {
            data[(j * w + i) * 3 + c] = (float) Math.max(0, g * cast[c]);
          }
        }
      }
      Mat gain = new Mat(h, w, CvType.CV_32FC3);
      gain.put(0, 0, data);
      return gain;
    }

    boolean neutral() {
      return brightness == 1
          && gradient == 0
          && vignette == 0
          && shadow == 0
          && cast[0] == 1
          && cast[1] == 1
          && cast[2] == 1;
    }
  }

  private static int clamp(int v, int size) {
    return Math.max(0, Math.min(size, v));
  }
}
