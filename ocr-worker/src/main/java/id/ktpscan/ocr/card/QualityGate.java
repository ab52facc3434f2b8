package id.ktpscan.ocr.card;

import id.ktpscan.contracts.RetryReason;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Measures whether a photo can give reliable key fields before any text is read, and names what is
 * wrong in the words the SDK shows the user (too small, cut off, dark, blurry, glare).
 *
 * <p>Thresholds are set on generated photos (see the OCR benchmark); a measure below its threshold
 * blocks the scan, one near it is reported as a quality flag on an extracted card.
 */
public final class QualityGate {

  /** The measures of one photo. */
  public record Measures(
      double cardWidthPx,
      boolean touchesBorder,
      double brightness,
      double sharpness,
      double glareShare,
      double nikGlareShare) {}

  /** What the gate concluded: blocking reasons, and flags worth telling even when read. */
  public record Verdict(Measures measures, List<RetryReason> blocking, List<RetryReason> flags) {}

  /** Thresholds; defaults tuned on generated photos. */
  public record Thresholds(
      double minCardWidth,
      double warnCardWidth,
      double minBrightness,
      double minSharpness,
      double warnSharpness,
      double maxNikGlare,
      double warnGlare) {

    public static Thresholds defaults() {
      return new Thresholds(260, 450, 55, 18, 40, 0.10, 0.03);
    }
  }

  private final Thresholds thresholds;

  public QualityGate(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public Verdict check(Mat photo, Point[] corners, Mat card) {
    Measures m = measure(photo, corners, card);
    List<RetryReason> blocking = new ArrayList<>();
    List<RetryReason> flags = new ArrayList<>();
    if (m.touchesBorder()) {
      blocking.add(RetryReason.CROPPED);
    }
    if (m.cardWidthPx() < thresholds.minCardWidth()) {
      blocking.add(RetryReason.TOO_SMALL);
    } else if (m.cardWidthPx() < thresholds.warnCardWidth()) {
      flags.add(RetryReason.TOO_SMALL);
    }
    if (m.brightness() < thresholds.minBrightness()) {
      blocking.add(RetryReason.TOO_DARK);
    }
    if (m.sharpness() < thresholds.minSharpness()) {
      blocking.add(RetryReason.BLURRY);
    } else if (m.sharpness() < thresholds.warnSharpness()) {
      flags.add(RetryReason.BLURRY);
    }
    if (m.nikGlareShare() > thresholds.maxNikGlare()) {
      blocking.add(RetryReason.GLARE);
    } else if (m.glareShare() > thresholds.warnGlare()) {
      flags.add(RetryReason.GLARE);
    }
    return new Verdict(m, List.copyOf(blocking), List.copyOf(flags));
  }

  static Measures measure(Mat photo, Point[] corners, Mat card) {
    double width =
        (Geometry.dist(corners[0], corners[1]) + Geometry.dist(corners[3], corners[2])) / 2;
    double margin = Math.max(2, 0.004 * Math.max(photo.cols(), photo.rows()));
    boolean border = false;
    for (Point p : corners) {
      if (p.x < margin
          || p.y < margin
          || p.x > photo.cols() - 1 - margin
          || p.y > photo.rows() - 1 - margin) {
        border = true;
      }
    }
    Mat gray = new Mat();
    Imgproc.cvtColor(card, gray, Imgproc.COLOR_BGR2GRAY);
    double brightness = Core.mean(gray).val[0];

    // Sharpness at the card's own resolution: an upscaled small card must not pass for blurry,
    // and a blurry large one must not pass for sharp.
    Mat native_ = new Mat();
    double scale = Math.min(1.0, width / card.cols());
    Imgproc.resize(
        gray,
        native_,
        new Size(Math.max(64, card.cols() * scale), Math.max(40, card.rows() * scale)),
        0,
        0,
        Imgproc.INTER_AREA);
    // The left block (text) holds the detail; the guilloche background is smooth.
    Rect text =
        new Rect(
            0,
            (int) (native_.rows() * 0.15),
            (int) (native_.cols() * 0.68),
            (int) (native_.rows() * 0.8));
    Mat region = new Mat(native_, text);
    Mat lap = new Mat();
    Imgproc.Laplacian(region, lap, org.opencv.core.CvType.CV_64F);
    MatOfDouble mean = new MatOfDouble();
    MatOfDouble std = new MatOfDouble();
    Core.meanStdDev(lap, mean, std);
    double sharpness = std.get(0, 0)[0];

    Mat hsv = new Mat();
    Imgproc.cvtColor(card, hsv, Imgproc.COLOR_BGR2HSV);
    Mat glare = new Mat();
    Core.inRange(
        hsv,
        new org.opencv.core.Scalar(0, 0, 250),
        new org.opencv.core.Scalar(180, 30, 255),
        glare);
    double glareShare = Core.countNonZero(glare) / (double) (glare.rows() * glare.cols());
    Rect nikRow = new Rect(150, 95, 550, 75);
    Mat nikGlare = new Mat(glare, nikRow);
    double nikShare = Core.countNonZero(nikGlare) / (double) (nikRow.area());

    gray.release();
    native_.release();
    region.release();
    lap.release();
    mean.release();
    std.release();
    hsv.release();
    glare.release();
    nikGlare.release();
    return new Measures(width, border, brightness, sharpness, glareShare, nikShare);
  }
}
