package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.SynthFixtures.GENERATOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import java.awt.geom.Point2D;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

class NegativeMakerTests {

  private static final NegativeMaker MAKER = new NegativeMaker();

  @Test
  void noCardHasNoCorners() {
    NegativeMaker.Negative negative = make(RetryReason.NO_CARD, 1);
    assertTrue(negative.photo().corners().isEmpty());
    assertNull(negative.card());
    assertFalse(negative.showsKtp());
  }

  @Test
  void otherCardIsNotAKtp() {
    NegativeMaker.Negative negative = make(RetryReason.NOT_KTP, 2);
    assertEquals(4, negative.photo().corners().size());
    assertFalse(negative.showsKtp());
    assertTrue(negative.card().boxes().isEmpty());
  }

  @Test
  void croppedCardHasAQuarterToTwoFifthsOutside() {
    NegativeMaker.Negative negative = make(RetryReason.CROPPED, 3);
    Photo photo = negative.photo();
    double outside = outsideShare(photo);
    assertTrue(outside >= 0.24 && outside <= 0.41, () -> "outside " + outside);
  }

  @Test
  void tooSmallCardIsUnder250PixelsWide() {
    Photo photo = make(RetryReason.TOO_SMALL, 4).photo();
    Point2D.Double tl = photo.corners().get(0);
    Point2D.Double tr = photo.corners().get(1);
    assertTrue(tl.distance(tr) < 250, () -> "width " + tl.distance(tr));
  }

  @Test
  void tooDarkPhotoIsDark() {
    Mat image = decode(make(RetryReason.TOO_DARK, 5).photo());
    assertTrue(Core.mean(image).val[1] < 45, () -> "mean " + Core.mean(image));
  }

  @Test
  void glareSaturatesTheNik() {
    NegativeMaker.Negative negative = make(RetryReason.GLARE, 6);
    double[] box =
        Shot.boxInPhoto(negative.photo().corners(), negative.card().boxes().get(KtpField.NIK));
    Mat image = decode(negative.photo());
    Mat nik =
        image.submat(
            new Rect((int) box[0], (int) box[1], (int) (box[2] - box[0]), (int) (box[3] - box[1])));
    assertTrue(Core.mean(nik).val[1] > 245, () -> "mean " + Core.mean(nik));
  }

  @Test
  void sameSeedGivesIdenticalBytes() {
    assertArrayEquals(
        make(RetryReason.BLURRY, 7).photo().jpeg(), make(RetryReason.BLURRY, 7).photo().jpeg());
  }

  private static NegativeMaker.Negative make(RetryReason reason, long seed) {
    Random rnd = new Random(seed);
    return MAKER.make(reason, GENERATOR.next(rnd), rnd);
  }

  private static Mat decode(Photo photo) {
    return Imgcodecs.imdecode(new MatOfByte(photo.jpeg()), Imgcodecs.IMREAD_COLOR);
  }

  private static double outsideShare(Photo photo) {
    Point2D.Double tl = photo.corners().get(0);
    Point2D.Double tr = photo.corners().get(1);
    Point2D.Double bl = photo.corners().get(3);
    // Sample the card's surface on a grid and count the share beyond the frame.
    int outside = 0;
    int total = 0;
    for (double u = 0.01; u < 1; u += 0.02) {
      for (double v = 0.01; v < 1; v += 0.02) {
        Point2D.Double p = Shot.onCard(photo.corners(), u, v);
        total++;
        if (p.x < 0 || p.y < 0 || p.x >= photo.width() || p.y >= photo.height()) {
          outside++;
        }
      }
    }
    assertTrue(tl.distance(tr) > 0 && tl.distance(bl) > 0);
    return (double) outside / total;
  }
}
