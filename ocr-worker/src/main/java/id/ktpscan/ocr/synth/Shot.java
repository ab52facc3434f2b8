package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.uniform;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The plan of one photo and its execution: which card, where it lies, and which degradations in
 * which strength. {@link PhotoMaker} and {@link NegativeMaker} fill a plan by difficulty or by the
 * defect they need; this class only carries it out, in the order a camera would: scene, optics
 * (blur), light (shading, glare), sensor (noise), then the JPEG encoder.
 */
final class Shot {

  /** A specular spot, its centre in card coordinates (0–1 along each edge). */
  record Glare(double u, double v, double axisA, double axisB, double degrees, double peak) {}

  int width;
  int height;

  /** The card; null for a photo without one. */
  Mat card;

  CardPose pose;
  double fade;
  double thumb;
  double blurSigma;
  double motionLength;
  double motionAngle;
  double sharpen;
  final Effects.Lighting lighting = new Effects.Lighting();
  final List<Glare> glares = new ArrayList<>();
  double noise;
  int jpegQuality = 85;
  final List<String> effects = new ArrayList<>();

  /** Takes the photo: the JPEG and the card corners in it. */
  Photo take(Difficulty difficulty, Random rnd) {
    Mat image = Backdrop.make(width, height, rnd);
    List<Point2D.Double> corners = List.of();
    if (card != null) {
      corners = pose.corners();
      Mat flat = card.clone();
      if (fade > 0) {
        Effects.fade(flat, fade);
      }
      composite(image, flat, corners, rnd);
      flat.release();
      if (thumb > 0) {
        thumb(image, corners, rnd);
      }
    }
    Effects.gaussianBlur(image, blurSigma);
    if (motionLength > 0) {
      Effects.motionBlur(image, motionLength, motionAngle);
    }
    if (sharpen > 0) {
      Effects.sharpen(image, sharpen);
    }
    if (!lighting.neutral()) {
      Mat gain = lighting.gainMap(width, height);
      Effects.applyGain(image, gain);
      gain.release();
    }
    if (noise > 0) {
      Effects.sensorNoise(image, noise, rnd);
    }
    if (!glares.isEmpty()) {
      // A reflection lies on the laminated card, not on the table around it.
      Mat surface = Mat.zeros(image.size(), CvType.CV_8U);
      Imgproc.fillConvexPoly(
          surface,
          new org.opencv.core.MatOfPoint(
              corners.stream().map(p -> new Point(p.x, p.y)).toArray(Point[]::new)),
          Scalar.all(255),
          Imgproc.LINE_AA);
      double scale = pose.width() / CardRenderer.WIDTH;
      for (Glare glare : glares) {
        Point2D.Double at = onCard(corners, glare.u(), glare.v());
        Effects.glare(
            image,
            surface,
            new Point(at.x, at.y),
            glare.axisA() * scale,
            glare.axisB() * scale,
            glare.degrees() + pose.rotation(),
            glare.peak());
      }
      surface.release();
    }
    byte[] jpeg = OpenCv.jpeg(image, jpegQuality);
    image.release();
    double rotation = pose == null ? 0 : Math.round(pose.rotation() * 100) / 100.0;
    return new Photo(jpeg, width, height, corners, List.copyOf(effects), rotation, difficulty);
  }

  /** The photo point of a card point given in card coordinates (0–1), through the pose. */
  static Point2D.Double onCard(List<Point2D.Double> corners, double u, double v) {
    Mat h = homography(corners, 1, 1);
    double[] m = new double[9];
    h.get(0, 0, m);
    double w = m[6] * u + m[7] * v + m[8];
    return new Point2D.Double((m[0] * u + m[1] * v + m[2]) / w, (m[3] * u + m[4] * v + m[5]) / w);
  }

  /** The photo bounds of a box given in canonical card pixels. */
  static double[] boxInPhoto(List<Point2D.Double> corners, Rectangle box) {
    List<Point2D.Double> points = new ArrayList<>();
    for (double[] p :
        new double[][] {
          {box.x, box.y},
          {box.getMaxX(), box.y},
          {box.getMaxX(), box.getMaxY()},
          {box.x, box.getMaxY()}
        }) {
      points.add(onCard(corners, p[0] / CardRenderer.WIDTH, p[1] / CardRenderer.HEIGHT));
    }
    return CardPose.bounds(points);
  }

  private static Mat homography(List<Point2D.Double> corners, double w, double h) {
    MatOfPoint2f src =
        new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
    MatOfPoint2f dst =
        new MatOfPoint2f(corners.stream().map(p -> new Point(p.x, p.y)).toArray(Point[]::new));
    return Imgproc.getPerspectiveTransform(src, dst);
  }

  /** Lays the card on the scene: rounded corners, anti-aliased edges and a soft contact shadow. */
  private void composite(Mat image, Mat flat, List<Point2D.Double> corners, Random rnd) {
    double[] box = CardPose.bounds(corners);
    int pad = (int) Math.ceil(pose.width() * 0.04) + 4;
    int x0 = Math.max(0, (int) Math.floor(box[0]) - pad);
    int y0 = Math.max(0, (int) Math.floor(box[1]) - pad);
    int x1 = Math.min(width, (int) Math.ceil(box[2]) + pad);
    int y1 = Math.min(height, (int) Math.ceil(box[3]) + pad);
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    Rect roiRect = new Rect(x0, y0, x1 - x0, y1 - y0);
    Mat source = flat;
    double scale = pose.width() / flat.cols();
    if (scale < 0.8) {
      // Shrinking through the warp alone would alias the print; pre-shrink with area averaging.
      source = new Mat();
      Imgproc.resize(
          flat,
          source,
          new Size(
              Math.max(8, flat.cols() * scale * 1.25), Math.max(8, flat.rows() * scale * 1.25)),
          0,
          0,
          Imgproc.INTER_AREA);
    }
    List<Point2D.Double> local = new ArrayList<>();
    for (Point2D.Double p : corners) {
      local.add(new Point2D.Double(p.x - x0, p.y - y0));
    }
    Mat h = homography(local, source.cols(), source.rows());
    Size roiSize = roiRect.size();
    Mat warped = new Mat();
    Imgproc.warpPerspective(
        source, warped, h, roiSize, Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
    Mat mask = roundedMask(source.cols(), source.rows());
    Mat alpha = new Mat();
    Imgproc.warpPerspective(
        mask, alpha, h, roiSize, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, Scalar.all(0));

    Mat roi = image.submat(roiRect);
    Mat shadow = new Mat();
    double offset = pose.width() * uniform(0.004, 0.012, rnd);
    Mat shift = new Mat(2, 3, CvType.CV_64F);
    shift.put(0, 0, 1, 0, offset * uniform(-0.5, 1, rnd), 0, 1, offset);
    Imgproc.warpAffine(alpha, shadow, shift, roiSize);
    Imgproc.GaussianBlur(shadow, shadow, new Size(0, 0), Math.max(1, pose.width() * 0.01));
    blend(roi, shadow, uniform(0.25, 0.5, rnd), null);
    blend(roi, alpha, 1, warped);
    if (source != flat) {
      source.release();
    }
    warped.release();
    mask.release();
    alpha.release();
    shadow.release();
  }

  /**
   * {@code roi = roi·(1 − a·s) + layer·a·s} with {@code a} the mask in [0, 1]; a null layer darkens
   * (a shadow).
   */
  private static void blend(Mat roi, Mat mask8, double strength, Mat layer) {
    Mat a = new Mat();
    mask8.convertTo(a, CvType.CV_32F, strength / 255.0);
    Mat a3 = new Mat();
    Core.merge(List.of(a, a, a), a3);
    Mat base = new Mat();
    roi.convertTo(base, CvType.CV_32FC3);
    Mat keep = new Mat(a3.size(), CvType.CV_32FC3, Scalar.all(1));
    Core.subtract(keep, a3, keep);
    Core.multiply(base, keep, base);
    if (layer != null) {
      Mat top = new Mat();
      layer.convertTo(top, CvType.CV_32FC3);
      Core.multiply(top, a3, top);
      Core.add(base, top, base);
      top.release();
    }
    base.convertTo(roi, CvType.CV_8UC3);
    for (Mat m : List.of(a, a3, base, keep)) {
      m.release();
    }
  }

  private static Mat roundedMask(int w, int h) {
    Mat mask = Mat.zeros(h, w, CvType.CV_8U);
    int r = (int) Math.round(w * 0.037);
    Scalar on = Scalar.all(255);
    Imgproc.rectangle(mask, new Point(r, 0), new Point(w - 1 - r, h - 1), on, -1);
    Imgproc.rectangle(mask, new Point(0, r), new Point(w - 1, h - 1 - r), on, -1);
    for (Point c :
        List.of(
            new Point(r, r),
            new Point(w - 1 - r, r),
            new Point(w - 1 - r, h - 1 - r),
            new Point(r, h - 1 - r))) {
      Imgproc.circle(mask, c, r, on, -1, Imgproc.LINE_AA);
    }
    return mask;
  }

  /** A thumb over the card's right or bottom edge, where no text is printed. */
  private void thumb(Mat image, List<Point2D.Double> corners, Random rnd) {
    boolean right = rnd.nextBoolean();
    double t = uniform(0.35, 0.75, rnd);
    double u = right ? 1 : t * 0.55 + 0.25;
    double v = right ? t : 1;
    Point2D.Double edge = onCard(corners, u, v);
    Point2D.Double inward = onCard(corners, right ? 0.9 : u, right ? v : 0.9);
    double dx = edge.x - inward.x;
    double dy = edge.y - inward.y;
    double len = Math.hypot(dx, dy);
    dx /= len;
    dy /= len;
    double length = pose.width() * uniform(0.28, 0.4, rnd);
    double overlap = pose.width() * thumb;
    Point centre =
        new Point(edge.x + dx * (length / 2 - overlap), edge.y + dy * (length / 2 - overlap));
    Backdrop.blob(
        image,
        centre,
        length,
        length * uniform(0.38, 0.48, rnd),
        Math.atan2(dy, dx),
        Backdrop.skinColour(rnd));
  }
}
