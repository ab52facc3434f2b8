package id.ktpscan.ocr.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import nu.pattern.OpenCV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class PhotoSharpnessTests {

  @BeforeAll
  static void loadOpenCv() {
    OpenCV.loadLocally();
  }

  /** A 1280 × 960 photo: a pale card with dark print on a mid-grey table. */
  private static Mat photo() {
    BufferedImage image = new BufferedImage(1280, 960, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(120, 110, 100));
      g.fillRect(0, 0, 1280, 960);
      g.setColor(new Color(200, 225, 240));
      g.fillRoundRect(240, 220, 800, 505, 30, 30);
      g.setColor(new Color(20, 20, 30));
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font("DejaVu Sans", Font.BOLD, 30));
      for (int row = 0; row < 9; row++) {
        g.drawString("NIK : 3273014508900001 BUDI", 280, 280 + 50 * row);
      }
    } finally {
      g.dispose();
    }
    Mat mat = new Mat(960, 1280, CvType.CV_8UC3);
    mat.put(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
    return mat;
  }

  @Test
  void aSharpPhotoPassesAndTheSamePhotoOutOfFocusDoesNot() {
    Mat sharp = photo();
    Mat blurred = new Mat();
    Imgproc.GaussianBlur(sharp, blurred, new Size(0, 0), 12);

    double s = QualityGate.photoSharpness(sharp);
    double b = QualityGate.photoSharpness(blurred);

    assertThat(s).isGreaterThan(QualityGate.MIN_PHOTO_SHARPNESS);
    assertThat(b).isLessThan(QualityGate.MIN_PHOTO_SHARPNESS);
  }

  @Test
  void contrastDoesNotMakeAPhotoSharp() {
    Mat sharp = photo();
    Mat faint = new Mat();
    sharp.convertTo(faint, -1, 0.5, 100); // half the contrast
    assertThat(QualityGate.photoSharpness(faint))
        .isCloseTo(QualityGate.photoSharpness(sharp), org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void aPhotoWithoutEdgesMeasuresZero() {
    Mat flat = new Mat(600, 800, CvType.CV_8UC3, new Scalar(90, 90, 90));
    assertThat(QualityGate.photoSharpness(flat)).isZero();
  }
}
