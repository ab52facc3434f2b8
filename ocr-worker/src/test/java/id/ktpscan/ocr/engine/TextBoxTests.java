package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.ktpscan.ocr.engine.TextBox.Vertex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Size;

class TextBoxTests {

  @Test
  void ordersCornersInReadingDirection() {
    Vertex tl = new Vertex(10, 20);
    Vertex tr = new Vertex(110, 22);
    Vertex br = new Vertex(109, 52);
    Vertex bl = new Vertex(9, 50);

    TextBox box = TextBox.fromCorners(new Vertex[] {br, tl, bl, tr}, 0.9);

    assertThat(box.corners()).containsExactly(tl, tr, br, bl);
    assertThat(box.width()).isCloseTo(Math.hypot(100, 2), within(1e-9));
    assertThat(box.height()).isCloseTo(Math.hypot(1, 30), within(1e-9));
    assertThat(box.angle()).isCloseTo(Math.toDegrees(Math.atan2(2, 100)), within(0.01));
    assertThat(box.alongMidline(0.5).x()).isCloseTo(box.centerX(), within(1e-9));
  }

  @Test
  void readingOrderGroupsBoxesIntoRowsLeftToRight() {
    TextBox value = rect(120, 12, 200, 30);
    TextBox label = rect(10, 10, 90, 30);
    TextBox nextRow = rect(10, 50, 90, 70);

    assertThat(TextDetector.readingOrder(List.of(nextRow, value, label)))
        .containsExactly(label, value, nextRow);
  }

  @Test
  void detectorInputIsCappedAndAMultipleOf32() {
    assertThat(TextDetector.inputSize(1920, 1080, 960)).isEqualTo(new Size(960, 544));
    assertThat(TextDetector.inputSize(500, 10, 960)).isEqualTo(new Size(512, 32));
  }

  private static TextBox rect(double x0, double y0, double x1, double y1) {
    return new TextBox(
        new Vertex(x0, y0), new Vertex(x1, y0), new Vertex(x1, y1), new Vertex(x0, y1), 1);
  }
}
