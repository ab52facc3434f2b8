package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.between;
import static id.ktpscan.ocr.synth.Draw.chance;
import static id.ktpscan.ocr.synth.Draw.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * What lies behind the card in a phone photo: a table, a wooden desk, fabric, a sheet of paper, and
 * clutter on it (papers with lines of print, a phone, a pen, a cup, a hand). Clutter gives card
 * finders the edges and paper-white rectangles they must not mistake for the card.
 */
final class Backdrop {

  private Backdrop() {}

  /**
   * A background of {@code width × height}, 8-bit BGR. It is drawn at half resolution and scaled
   * up: the background is out of focus in a photo of a card anyway, and this quarters the cost.
   */
  static Mat make(int width, int height, Random rnd) {
    OpenCv.load();
    int w = (width + 1) / 2;
    int h = (height + 1) / 2;
    Mat image =
        switch (rnd.nextInt(5)) {
          case 0, 1 -> wood(w, h, rnd);
          case 2 -> surface(w, h, randomSurfaceColour(rnd), 18, rnd);
          case 3 -> fabric(w, h, rnd);
          default -> surface(w, h, paperColour(rnd), 10, rnd);
        };
    int items = between(2, 9, rnd);
    for (int i = 0; i < items; i++) {
      switch (rnd.nextInt(7)) {
        case 0, 1 -> paper(image, rnd);
        case 2 -> phone(image, rnd);
        case 3 -> pen(image, rnd);
        case 4 -> cup(image, rnd);
        case 5 -> hand(image, rnd);
        default -> box(image, rnd);
      }
    }
    Imgproc.GaussianBlur(image, image, new Size(0, 0), uniform(0.3, 1.5, rnd) * w / 800);
    Mat full = new Mat();
    Imgproc.resize(image, full, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
    image.release();
    return full;
  }

  /** A hand: forearm, palm, four roughly parallel fingers and a thumb, in one skin tone. */
  static void hand(Mat image, Random rnd) {
    Scalar skin = skinColour(rnd);
    double size = Math.min(image.cols(), image.rows()) * uniform(0.16, 0.26, rnd);
    Point palm = randomPoint(image, rnd);
    double a = uniform(0, 2 * Math.PI, rnd);
    double dx = Math.cos(a);
    double dy = Math.sin(a);
    blob(image, offset(palm, dx, dy, -size * 1.1, 0), size * 1.6, size * 0.7, a, skin);
    blob(image, palm, size, size * 0.85, a, skin);
    for (int k = 0; k < 4; k++) {
      double across = (-0.3 + 0.2 * k) * size;
      double length = size * uniform(0.75, 0.95, rnd) * (k == 0 || k == 3 ? 0.82 : 1);
      double angle = a + uniform(-0.08, 0.08, rnd) + 0.06 * (k - 1.5);
      Point base = offset(palm, dx, dy, size * 0.35, across);
      Point centre =
          new Point(base.x + Math.cos(angle) * length / 2, base.y + Math.sin(angle) * length / 2);
      blob(image, centre, length, size * 0.19, angle, skin);
    }
    double side = rnd.nextBoolean() ? 1 : -1;
    double thumbAngle = a + side * uniform(0.7, 1.1, rnd);
    Point thumbBase = offset(palm, dx, dy, 0, side * size * 0.35);
    Point thumb =
        new Point(
            thumbBase.x + Math.cos(thumbAngle) * size * 0.3,
            thumbBase.y + Math.sin(thumbAngle) * size * 0.3);
    blob(image, thumb, size * 0.6, size * 0.24, thumbAngle, skin);
  }

  private static Point offset(Point p, double dx, double dy, double along, double across) {
    return new Point(p.x + dx * along - dy * across, p.y + dy * along + dx * across);
  }

  /** A soft-shaded ellipse along {@code radians}. */
  static void blob(
      Mat image, Point centre, double length, double thickness, double radians, Scalar colour) {
    double degrees = Math.toDegrees(radians);
    Imgproc.ellipse(
        image,
        new RotatedRect(centre, new Size(length, thickness), degrees),
        colour,
        -1,
        Imgproc.LINE_AA);
    Point lit = new Point(centre.x - thickness * 0.08, centre.y - thickness * 0.08);
    Imgproc.ellipse(
        image,
        new RotatedRect(lit, new Size(length * 0.85, thickness * 0.5), degrees),
        scale(colour, 1.06),
        -1,
        Imgproc.LINE_AA);
  }

  static Scalar skinColour(Random rnd) {
    double tone = uniform(0.55, 1.0, rnd);
    return new Scalar(95 * tone + 20, 135 * tone + 25, 190 * tone + 40);
  }

  private static Mat wood(int width, int height, Random rnd) {
    int w = width / 2;
    int h = height / 2;
    float[] bend = smoothNoise(w, h, 3, rnd);
    float[] wobble = smoothNoise(w, h, 12, rnd);
    boolean vertical = rnd.nextBoolean();
    double frequency = uniform(0.25, 0.55, rnd);
    double bendAmount = uniform(5, 14, rnd);
    double wobbleAmount = uniform(0.5, 2, rnd);
    float[] grain = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double across = vertical ? x : y;
        double v =
            0.5
                + 0.5
                    * Math.sin(
                        across * frequency + bend[i] * bendAmount + wobble[i] * wobbleAmount);
        grain[i] = (float) Math.pow(v, 2.5);
      }
    }
    Mat shade = floatMat(grain, w, h);
    Imgproc.resize(shade, shade, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
    double r = uniform(110, 200, rnd);
    double g = r * uniform(0.6, 0.75, rnd);
    double b = g * uniform(0.55, 0.75, rnd);
    Mat image = new Mat();
    List<Mat> channels = new ArrayList<>();
    for (double base : new double[] {b, g, r}) {
      Mat c = new Mat();
      shade.convertTo(c, CvType.CV_8U, -base * 0.3, base * 1.08);
      channels.add(c);
    }
    Core.merge(channels, image);
    double plank = uniform(0.15, 0.35, rnd) * Math.max(width, height);
    Scalar seam = new Scalar(b * 0.45, g * 0.45, r * 0.45);
    for (double at = uniform(0, plank, rnd); at < (vertical ? width : height); at += plank) {
      Point from = vertical ? new Point(at, 0) : new Point(0, at);
      Point to = vertical ? new Point(at, height) : new Point(width, at);
      Imgproc.line(image, from, to, seam, Math.max(1, width / 350), Imgproc.LINE_AA);
    }
    Mat noise = Effects.noiseField(width, height, 10, 0.2, rnd);
    Imgproc.GaussianBlur(noise, noise, new Size(0, 0), vertical ? 0.5 : 3, vertical ? 3 : 0.5);
    Effects.addSigned(image, noise);
    noise.release();
    return image;
  }

  private static Mat surface(int width, int height, Scalar colour, double variation, Random rnd) {
    int w = Math.max(4, width / 8);
    int h = Math.max(4, height / 8);
    Mat shade = floatMat(smoothNoise(w, h, 4, rnd), w, h);
    Imgproc.resize(shade, shade, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
    Mat image = new Mat(height, width, CvType.CV_8UC3, colour);
    Mat delta = new Mat();
    shade.convertTo(delta, CvType.CV_16S, variation * 2, -variation);
    Mat wide = new Mat();
    image.convertTo(wide, CvType.CV_16SC3);
    List<Mat> planes = new ArrayList<>();
    Core.split(wide, planes);
    for (Mat plane : planes) {
      Core.add(plane, delta, plane);
    }
    Core.merge(planes, wide);
    wide.convertTo(image, CvType.CV_8UC3);
    addGrain(image, 4, rnd);
    return image;
  }

  private static Mat fabric(int width, int height, Random rnd) {
    Mat image = surface(width, height, randomSurfaceColour(rnd), 12, rnd);
    double step = uniform(4, 9, rnd) * width / 800;
    Scalar thread = scale(meanColour(image), uniform(0.8, 0.92, rnd));
    for (double x = 0; x < width; x += step) {
      Imgproc.line(image, new Point(x, 0), new Point(x, height), thread, 1);
    }
    for (double y = 0; y < height; y += step * uniform(0.9, 1.1, rnd)) {
      Imgproc.line(image, new Point(0, y), new Point(width, y), thread, 1);
    }
    return image;
  }

  private static void paper(Mat image, Random rnd) {
    double scale = Math.min(image.cols(), image.rows());
    Point centre = randomPoint(image, rnd);
    double w = scale * uniform(0.35, 0.8, rnd);
    double h = w * uniform(1.2, 1.5, rnd);
    double angle = uniform(-40, 40, rnd);
    RotatedRect sheet = new RotatedRect(centre, new Size(w, h), angle);
    fill(image, sheet, paperColour(rnd));
    double ink = uniform(30, 90, rnd);
    Scalar print =
        chance(0.8, rnd)
            ? new Scalar(ink, ink, ink)
            : new Scalar(uniform(60, 160, rnd), uniform(40, 120, rnd), uniform(30, 100, rnd));
    double a = Math.toRadians(angle);
    double lineGap = h * uniform(0.025, 0.045, rnd);
    int thickness = Math.max(1, (int) Math.round(lineGap * 0.22));
    for (double v = -h / 2 + h * 0.1; v < h / 2 - h * 0.1; v += lineGap) {
      if (chance(0.12, rnd)) {
        continue;
      }
      double u = -w / 2 + w * 0.1;
      double end = u + w * uniform(0.45, 0.8, rnd);
      while (u < end) {
        double word = lineGap * uniform(0.6, 2.5, rnd);
        Imgproc.line(
            image,
            rotate(centre, u, v, a),
            rotate(centre, Math.min(u + word, end), v, a),
            print,
            thickness,
            Imgproc.LINE_AA);
        u += word + lineGap * 0.35;
      }
    }
  }

  private static void phone(Mat image, Random rnd) {
    double scale = Math.min(image.cols(), image.rows());
    double w = scale * uniform(0.2, 0.3, rnd);
    RotatedRect body =
        new RotatedRect(randomPoint(image, rnd), new Size(w, w * 2.05), uniform(0, 180, rnd));
    fill(image, body, new Scalar(uniform(15, 45, rnd), uniform(15, 45, rnd), uniform(15, 45, rnd)));
    RotatedRect screen = new RotatedRect(body.center, new Size(w * 0.88, w * 1.85), body.angle);
    fill(
        image,
        screen,
        new Scalar(uniform(30, 90, rnd), uniform(30, 80, rnd), uniform(25, 70, rnd)));
  }

  private static void pen(Mat image, Random rnd) {
    Point a = randomPoint(image, rnd);
    double length = Math.min(image.cols(), image.rows()) * uniform(0.25, 0.5, rnd);
    double angle = uniform(0, Math.PI, rnd);
    Point b = new Point(a.x + Math.cos(angle) * length, a.y + Math.sin(angle) * length);
    int thickness = (int) (length * uniform(0.04, 0.06, rnd));
    Imgproc.line(image, a, b, randomColour(rnd), thickness, Imgproc.LINE_AA);
  }

  private static void cup(Mat image, Random rnd) {
    Point centre = randomPoint(image, rnd);
    int radius = (int) (Math.min(image.cols(), image.rows()) * uniform(0.08, 0.18, rnd));
    Scalar colour = randomColour(rnd);
    Imgproc.circle(image, centre, radius, colour, -1, Imgproc.LINE_AA);
    Imgproc.circle(image, centre, (int) (radius * 0.82), scale(colour, 0.6), -1, Imgproc.LINE_AA);
  }

  private static void box(Mat image, Random rnd) {
    double scale = Math.min(image.cols(), image.rows());
    RotatedRect rect =
        new RotatedRect(
            randomPoint(image, rnd),
            new Size(scale * uniform(0.15, 0.5, rnd), scale * uniform(0.1, 0.4, rnd)),
            uniform(0, 180, rnd));
    fill(image, rect, randomColour(rnd));
  }

  private static void fill(Mat image, RotatedRect rect, Scalar colour) {
    Point[] corners = new Point[4];
    rect.points(corners);
    Imgproc.fillPoly(image, List.of(new MatOfPoint(corners)), colour, Imgproc.LINE_AA);
  }

  /** Values in [0, 1] varying smoothly over about {@code cells} cells across. */
  private static float[] smoothNoise(int w, int h, int cells, Random rnd) {
    int gw = cells + 1;
    int gh = Math.max(2, cells * h / Math.max(1, w) + 1);
    float[] grid = new float[gw * gh];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = rnd.nextFloat();
    }
    Mat small = floatMat(grid, gw, gh);
    Mat big = new Mat();
    Imgproc.resize(small, big, new Size(w, h), 0, 0, Imgproc.INTER_CUBIC);
    float[] out = new float[w * h];
    big.get(0, 0, out);
    return out;
  }

  private static Mat floatMat(float[] values, int w, int h) {
    Mat mat = new Mat(h, w, CvType.CV_32F);
    mat.put(0, 0, values);
    return mat;
  }

  /** Fine texture: per-pixel noise stretched along one direction. */
  private static void addGrain(Mat image, double strength, Random rnd) {
    Mat noise = Effects.noiseField(image.cols(), image.rows(), strength, 0.2, rnd);
    Imgproc.GaussianBlur(
        noise, noise, new Size(0, 0), uniform(0.5, 2.5, rnd), uniform(0.5, 1, rnd));
    Effects.addSigned(image, noise);
  }

  private static Point randomPoint(Mat image, Random rnd) {
    return new Point(uniform(0, image.cols(), rnd), uniform(0, image.rows(), rnd));
  }

  private static Point rotate(Point centre, double u, double v, double angle) {
    return new Point(
        centre.x + u * Math.cos(angle) - v * Math.sin(angle),
        centre.y + u * Math.sin(angle) + v * Math.cos(angle));
  }

  /** A colour of everyday things: mostly muted, rarely vivid. */
  private static Scalar randomColour(Random rnd) {
    double mute = uniform(0.2, 0.65, rnd);
    double grey = uniform(60, 200, rnd);
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      c[i] = uniform(20, 235, rnd) * (1 - mute) + grey * mute;
    }
    return new Scalar(c[0], c[1], c[2]);
  }

  private static Scalar randomSurfaceColour(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> new Scalar(uniform(40, 80, rnd), uniform(40, 80, rnd), uniform(40, 80, rnd));
      case 1 -> new Scalar(uniform(150, 210, rnd), uniform(150, 210, rnd), uniform(150, 210, rnd));
      case 2 -> new Scalar(uniform(80, 140, rnd), uniform(110, 160, rnd), uniform(130, 190, rnd));
      default -> randomColour(rnd);
    };
  }

  private static Scalar paperColour(Random rnd) {
    double level = uniform(200, 245, rnd);
    return new Scalar(level - uniform(0, 15, rnd), level - uniform(0, 5, rnd), level);
  }

  private static Scalar meanColour(Mat image) {
    return Core.mean(image);
  }

  static Scalar scale(Scalar colour, double factor) {
    return new Scalar(colour.val[0] * factor, colour.val[1] * factor, colour.val[2] * factor);
  }
}
