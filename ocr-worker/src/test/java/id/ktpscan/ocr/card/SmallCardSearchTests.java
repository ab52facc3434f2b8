package id.ktpscan.ocr.card;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.RetryReason;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.synth.NegativeMaker;
import id.ktpscan.ocr.synth.SyntheticSet;
import java.awt.geom.Point2D;
import java.util.Optional;
import nu.pattern.OpenCV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.imgcodecs.Imgcodecs;

/** {@link CardFinder#findSmall}: the tiled search for a card too small for the whole photo's. */
class SmallCardSearchTests {

  /** The quality gate's default minimum card width, in photo pixels. */
  private static final double MIN_CARD_WIDTH = 300;

  private static SyntheticSet set;

  @BeforeAll
  static void load() {
    OpenCV.loadLocally();
    set = new SyntheticSet(AreaDirectory.load());
  }

  private static Mat decoded(NegativeMaker.Negative negative) {
    return Imgcodecs.imdecode(new MatOfByte(negative.photo().jpeg()), Imgcodecs.IMREAD_COLOR);
  }

  @Test
  void aTinyCardTheWholePhotoSearchDoesNotFindIsFoundInATile() {
    // Seed 9191's negatives 97 (215 px wide in a 1600-px photo, blurred, in shadow) and 125
    // (124 px in a 2000-px photo): no card-like quad over the whole photo.
    for (int index : new int[] {97, 125}) {
      NegativeMaker.Negative negative = set.negative(9191, index);
      assertThat(negative.reason()).isEqualTo(RetryReason.TOO_SMALL);
      Mat photo = decoded(negative);
      try {
        Optional<CardFinder.Quad> whole = new CardFinder().find(photo);
        assertThat(whole.map(CardFinder.Quad::score).orElse(0.0))
            .as("whole-photo search, negative %d", index)
            .isLessThan(CardFinder.MIN_SCORE);

        Optional<CardFinder.Quad> small = new CardFinder().findSmall(photo, MIN_CARD_WIDTH);

        assertThat(small).as("negative %d", index).isPresent();
        assertThat(small.get().score()).isGreaterThanOrEqualTo(CardFinder.MIN_SCORE);
        assertThat(small.get().width()).isLessThan(MIN_CARD_WIDTH);
        // Every corner of the card as drawn has a corner of the quad found next to it.
        for (Point2D.Double truth : negative.photo().corners()) {
          double nearest = Double.MAX_VALUE;
          for (Point p : small.get().corners()) {
            nearest = Math.min(nearest, Math.hypot(p.x - truth.x, p.y - truth.y));
          }
          assertThat(nearest).as("negative %d, corner %s", index, truth).isLessThan(12);
        }
      } finally {
        photo.release();
      }
    }
  }

  @Test
  void aPhotoWithoutACardGivesNoSmallCardEither() {
    // Seed 9191's no-card negatives 0 and 14: the latter's tiles hold its most card-like shape of
    // the set's twenty no-card photos (presence 0.08).
    for (int index : new int[] {0, 14}) {
      NegativeMaker.Negative negative = set.negative(9191, index);
      assertThat(negative.reason()).isEqualTo(RetryReason.NO_CARD);
      Mat photo = decoded(negative);
      try {
        assertThat(new CardFinder().findSmall(photo, MIN_CARD_WIDTH))
            .as("negative %d", index)
            .isEmpty();
      } finally {
        photo.release();
      }
    }
  }

  @Test
  void aCardAsWideAsTheLimitIsNotASmallCard() {
    // The same tiny card, with a limit below its width: found in a tile, yet not returned.
    NegativeMaker.Negative negative = set.negative(9191, 97);
    Mat photo = decoded(negative);
    try {
      assertThat(new CardFinder().findSmall(photo, 150)).isEmpty();
    } finally {
      photo.release();
    }
  }
}
