package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nu.pattern.OpenCV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class InkGapsTests {

  @BeforeAll
  static void loadOpenCv() {
    OpenCV.loadLocally();
  }

  @Test
  void findsTheWordGapButNoLetterGaps() {
    Mat page = OcrSessionTests.render(List.of("BUDI SANTOSO"));
    Mat line = page.submat(20, 70, 30, 300);

    double[] gaps = InkGaps.centres(line, 0.4);

    assertThat(gaps).hasSize(1);
    assertThat(gaps[0]).isBetween(80.0, 110.0);
  }

  @Test
  void theBarsOfARomanThreeAreThreeTallNarrowRuns() {
    Mat page = OcrSessionTests.render(List.of("JL CEMPAKA III"));
    Mat line = page.submat(20, 70, 30, 330);

    List<InkGaps.InkRun> runs = InkGaps.runs(line);

    // J, L, C, E, M, P, A, K, A, then the three bars (the band reaches down J's descender).
    assertThat(runs).hasSize(12);
    assertThat(runs.subList(9, 12)).allMatch(StrokeCount::bar);
    assertThat(runs.subList(0, 9)).noneMatch(StrokeCount::bar);
  }

  @Test
  void aColonIsDotsNotABar() {
    Mat page = OcrSessionTests.render(List.of(": SUHENDAR"));
    Mat line = page.submat(20, 70, 30, 250);

    List<InkGaps.InkRun> runs = InkGaps.runs(line);

    assertThat(runs.get(0).pieces()).isEqualTo(2);
    assertThat(StrokeCount.dots(runs.get(0))).isTrue();
    assertThat(runs.subList(1, runs.size())).noneMatch(StrokeCount::dots);
    assertThat(runs).noneMatch(StrokeCount::bar);
  }

  @Test
  void findsNothingOnAFlatCrop() {
    Mat flat = new Mat(48, 200, CvType.CV_8UC3, new Scalar(200, 200, 200));

    assertThat(InkGaps.centres(flat, 0.4)).isEmpty();
    assertThat(InkGaps.runs(flat)).isEmpty();
  }
}
