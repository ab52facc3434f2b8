package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.Scalar;

class TextRecognizerTests {

  /** A 3-channel line: {@code inkShare} of its pixels at {@code ink}, the rest at {@code paper}. */
  private static byte[] line(int paper, int ink, double inkShare) {
    byte[] bgr = new byte[3 * 1000];
    Arrays.fill(bgr, (byte) paper);
    Arrays.fill(bgr, 0, (int) (bgr.length * inkShare), (byte) ink);
    return bgr;
  }

  @Test
  void lightPrintOnADarkCardIsToldFromDarkInkOnPaper() {
    assertThat(TextRecognizer.lightOnDark(line(30, 235, 0.2), new Scalar(30, 30, 30))).isTrue();
    assertThat(TextRecognizer.lightOnDark(line(220, 20, 0.2), new Scalar(220, 220, 220))).isFalse();
    // A dim photo of dark ink: the background is dark, the ink darker still.
    assertThat(TextRecognizer.lightOnDark(line(60, 10, 0.2), new Scalar(60, 60, 60))).isFalse();
    // A flat crop is not inverted.
    assertThat(TextRecognizer.lightOnDark(line(128, 128, 0), new Scalar(128, 128, 128))).isFalse();
  }

  @Test
  void optionsRefuseAWidthScaleOutOfRange() {
    assertThat(TextRecognizer.Options.DEFAULTS.withWidthScale(1.2).widthScale()).isEqualTo(1.2);
    assertThatThrownBy(() -> TextRecognizer.Options.DEFAULTS.withWidthScale(0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TextRecognizer.Options.DEFAULTS.darkInk()).isFalse();
    assertThat(OcrModels.Recognizer.KTP.options().darkInk()).isTrue();
  }
}
