package id.ktpscan.ocr.card;

import id.ktpscan.ocr.layout.CardLayout;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Warps the card to the canonical upright card ({@link CardLayout#WIDTH} × {@link
 * CardLayout#HEIGHT}), so that every later stage works on one geometry.
 *
 * <p>The quadrilateral fixes the card up to a half turn. The photo on the right of an e-KTP (a red
 * or blue backdrop) is the most saturated region of the card: its side tells the half turn without
 * reading any text.
 */
public final class Rectifier {

  /** The warped card and the half turn that was applied to make it upright. */
  public record Rectified(Mat card, boolean turned) {}

  public Rectified rectify(Mat bgr, Point[] corners) {
    Mat card = warp(bgr, corners);
    if (photoOnLeft(card)) {
      Core.rotate(card, card, Core.ROTATE_180);
      return new Rectified(card, true);
    }
    return new Rectified(card, false);
  }

  static Mat warp(Mat bgr, Point[] corners) {
    MatOfPoint2f from = new MatOfPoint2f(corners);
    MatOfPoint2f to =
        new MatOfPoint2f(
            new Point(0, 0),
            new Point(CardLayout.WIDTH - 1, 0),
            new Point(CardLayout.WIDTH - 1, CardLayout.HEIGHT - 1),
            new Point(0, CardLayout.HEIGHT - 1));
    Mat transform = Imgproc.getPerspectiveTransform(from, to);
    Mat card = new Mat();
    Imgproc.warpPerspective(
        bgr,
        card,
        transform,
        new Size(CardLayout.WIDTH, CardLayout.HEIGHT),
        Imgproc.INTER_CUBIC,
        Core.BORDER_REPLICATE,
        new Scalar(0, 0, 0));
    from.release();
    to.release();
    transform.release();
    return card;
  }

  /** Whether the saturated photo block sits on the left: the card is upside down. */
  static boolean photoOnLeft(Mat card) {
    double right = saturation(card, new Rect(700, 140, 260, 340));
    double left = saturation(card, new Rect(40, 150, 260, 340));
    return left > right * 1.3 && left - right > 8;
  }

  private static double saturation(Mat card, Rect region) {
    Mat roi = new Mat(card, region);
    Mat hsv = new Mat();
    Imgproc.cvtColor(roi, hsv, Imgproc.COLOR_BGR2HSV);
    List<Mat> channels = new ArrayList<>();
    Core.split(hsv, channels);
    double mean = Core.mean(channels.get(1)).val[0];
    channels.forEach(Mat::release);
    hsv.release();
    roi.release();
    return mean;
  }
}
