package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.ocr.card.CardFinder;
import id.ktpscan.ocr.layout.Token;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Where the words a whole photo shows lie, in the photo's coordinates, however it was turned. */
class WholePhotoBoxTests {

  @BeforeAll
  static void loadOpenCv() {
    OpenCvLoader.load();
  }

  @Test
  void aBoxReadOnATurnedScaledCopyIsMappedBackOntoThePhoto() {
    // A photo 400 × 300 with a white box, copied at half size and turned as readWholePhoto turns
    // it; the box found in each turned copy, mapped back, is the photo's box again.
    Rect inPhoto = new Rect(60, 40, 200, 120);
    Mat photo = Mat.zeros(300, 400, CvType.CV_8U);
    Imgproc.rectangle(photo, inPhoto, new Scalar(255), -1);
    Mat small = new Mat();
    Imgproc.resize(photo, small, new org.opencv.core.Size(200, 150), 0, 0, Imgproc.INTER_AREA);
    for (int turns = 0; turns < 4; turns++) {
      if (turns > 0) {
        Core.rotate(small, small, Core.ROTATE_90_COUNTERCLOCKWISE);
      }
      MatOfPoint white = new MatOfPoint();
      Core.findNonZero(small, white);
      Rect seen = Imgproc.boundingRect(white);
      Rect back = CardReader.unturned(seen, turns, small.cols(), small.rows(), 0.5);
      assertThat(back).as("%d quarter turns", turns).isEqualTo(inPhoto);
    }
  }

  @Test
  void wordsLieOnAShapeWhenItsBoxHoldsMostOfThem() {
    // A turned quad 200 wide round (100, 100)–(300, 230); the words' box must lie 80 % inside the
    // quad's bounding box.
    CardFinder.Quad quad =
        new CardFinder.Quad(
            new org.opencv.core.Point[] {
              new org.opencv.core.Point(110, 100),
              new org.opencv.core.Point(300, 120),
              new org.opencv.core.Point(290, 230),
              new org.opencv.core.Point(100, 210)
            },
            0.6);
    assertThat(CardReader.onShape(new Rect(120, 130, 150, 80), quad)).isTrue();
    // Half of it beside the shape (the KTP cut off by the frame beside a part the finder took).
    assertThat(CardReader.onShape(new Rect(200, 130, 200, 80), quad)).isFalse();
    assertThat(CardReader.onShape(new Rect(400, 300, 50, 20), quad)).isFalse();
    assertThat(CardReader.onShape(null, quad)).isFalse();
  }

  @Test
  void theWordsBoxLeavesOutStrokesAndIsAbsentWithoutWords() {
    List<Token> tokens =
        List.of(
            new Token("NIK", 0.99, 100, 50, 140, 70),
            new Token("|", 0.99, 5, 5, 8, 300),
            new Token(": 3515216712900003", 0.99, 150, 50, 420, 72));
    assertThat(CardReader.wordBox(tokens)).isEqualTo(new Rect(100, 50, 320, 22));
    assertThat(CardReader.wordBox(List.of(new Token("-", 0.9, 0, 0, 5, 5)))).isNull();
  }
}
