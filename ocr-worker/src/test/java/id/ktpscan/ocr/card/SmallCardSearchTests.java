package id.ktpscan.ocr.card;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.RetryReason;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.synth.NegativeMaker;
import id.ktpscan.ocr.synth.SyntheticSet;
import java.awt.geom.Point2D;
import java.util.Optional;
import java.util.function.BiConsumer;
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

  /** Seed 9191's negative {@code index}, made for {@code reason}, decoded for {@code check}. */
  private static void withPhoto(
      int index, RetryReason reason, BiConsumer<NegativeMaker.Negative, Mat> check) {
    NegativeMaker.Negative negative = set.negative(9191, index);
    assertThat(negative.reason()).isEqualTo(reason);
    Mat photo = Imgcodecs.imdecode(new MatOfByte(negative.photo().jpeg()), Imgcodecs.IMREAD_COLOR);
    try {
      check.accept(negative, photo);
    } finally {
      photo.release();
    }
  }

  /** Every corner of the card as drawn has a corner of {@code quad} within 12 px of it. */
  private static void assertCornersNear(
      NegativeMaker.Negative negative, CardFinder.Quad quad, int index) {
    for (Point2D.Double truth : negative.photo().corners()) {
      double nearest = Double.MAX_VALUE;
      for (Point p : quad.corners()) {
        nearest = Math.min(nearest, Math.hypot(p.x - truth.x, p.y - truth.y));
      }
      assertThat(nearest).as("negative %d, corner %s", index, truth).isLessThan(12);
    }
  }

  @Test
  void aTinyCardTheWholePhotoSearchDoesNotFindIsFoundInATile() {
    // Seed 9191's negatives 97 (215 px wide in a 1600-px photo, blurred, in shadow) and 125
    // (124 px in a 2000-px photo): no card-like quad over the whole photo.
    for (int index : new int[] {97, 125}) {
      withPhoto(
          index,
          RetryReason.TOO_SMALL,
          (negative, photo) -> {
            Optional<CardFinder.Quad> whole = new CardFinder().find(photo);
            assertThat(whole.map(CardFinder.Quad::score).orElse(0.0))
                .as("whole-photo search, negative %d", index)
                .isLessThan(CardFinder.MIN_SCORE);

            Optional<CardFinder.Quad> small = new CardFinder().findSmall(photo, MIN_CARD_WIDTH);

            assertThat(small).as("negative %d", index).isPresent();
            assertThat(small.get().score()).isGreaterThanOrEqualTo(CardFinder.MIN_SCORE);
            assertThat(small.get().width()).isLessThan(MIN_CARD_WIDTH);
            assertCornersNear(negative, small.get(), index);
          });
    }
  }

  @Test
  void aTinyCardPaleOnAPageIsFoundInTheSmallerTiles() {
    // Seed 9191's negative 27: a KTP 230 px wide, blurred, pale on a pale page among lines of
    // print, straddling two sheets; the four tiles found nothing there, the sixteen find it.
    withPhoto(
        27,
        RetryReason.TOO_SMALL,
        (negative, photo) -> {
          Optional<CardFinder.Quad> small = new CardFinder().findSmall(photo, MIN_CARD_WIDTH);
          assertThat(small).isPresent();
          assertCornersNear(negative, small.get(), 27);
        });
  }

  @Test
  void aSmallCardsQuadIsNearlyARectangle() {
    // A card turned 30° and one seen at an angle (a trapezoid) pass; seed 1111's sliver (62 × 40
    // px, 581 px²) and four corners out of order round the quad (crossing) do not.
    CardFinder.Quad turned = quad(100, 100, 186.6, 150, 159.6, 196.8, 73, 146.8);
    CardFinder.Quad trapezoid = quad(110, 100, 190, 100, 200, 160, 100, 160);
    CardFinder.Quad sliver = quad(929, 500, 862, 522, 904, 498, 956, 483);
    CardFinder.Quad crossing = quad(100, 100, 200, 160, 200, 100, 100, 160);
    assertThat(CardFinder.rectangular(turned)).isTrue();
    assertThat(CardFinder.rectangular(trapezoid)).isTrue();
    assertThat(CardFinder.rectangular(sliver)).isFalse();
    assertThat(CardFinder.rectangular(crossing)).isFalse();
  }

  /** A quad through four corners given as x, y pairs (its score does not matter here). */
  private static CardFinder.Quad quad(double... xy) {
    Point[] corners = new Point[4];
    for (int k = 0; k < 4; k++) {
      corners[k] = new Point(xy[2 * k], xy[2 * k + 1]);
    }
    return new CardFinder.Quad(corners, 0.9);
  }

  @Test
  void aPhotoWithoutACardGivesNoSmallCardEither() {
    // Seed 9191's photos without a card 0 and 14 (the latter, cluttered, has card-like shapes).
    for (int index : new int[] {0, 14}) {
      withPhoto(
          index,
          RetryReason.NO_CARD,
          (negative, photo) ->
              assertThat(new CardFinder().findSmall(photo, MIN_CARD_WIDTH))
                  .as("negative %d", index)
                  .isEmpty());
    }
  }

  @Test
  void aCardWiderThanTheLimitIsNotReturned() {
    // The same tiny card, with a limit below its width: found in a tile, yet not returned.
    withPhoto(
        97,
        RetryReason.TOO_SMALL,
        (negative, photo) -> assertThat(new CardFinder().findSmall(photo, 150)).isEmpty());
  }
}
