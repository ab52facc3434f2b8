package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.SynthFixtures.GENERATOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class PhotoMakerTests {

  private static final List<String> HARD_MARKS =
      List.of("glare", "strong_blur", "faded", "small_card", "rotate90", "rotate180", "rotate270");

  @Test
  void sameSeedGivesIdenticalJpegBytes() {
    assertArrayEquals(photo(17, Difficulty.HARD).jpeg(), photo(17, Difficulty.HARD).jpeg());
  }

  @Test
  void photoDecodesToItsStatedSizeWithTheCardInside() {
    for (Difficulty difficulty : Difficulty.values()) {
      Photo photo = photo(difficulty.ordinal(), difficulty);
      Mat decoded = Imgcodecs.imdecode(new MatOfByte(photo.jpeg()), Imgcodecs.IMREAD_COLOR);
      assertEquals(photo.width(), decoded.cols());
      assertEquals(photo.height(), decoded.rows());
      assertTrue(Math.max(photo.width(), photo.height()) >= 1280);
      assertEquals(4, photo.corners().size());
      for (Point2D.Double corner : photo.corners()) {
        assertTrue(corner.x >= 0 && corner.x <= photo.width(), corner::toString);
        assertTrue(corner.y >= 0 && corner.y <= photo.height(), corner::toString);
      }
      assertEquals(difficulty, photo.difficulty());
    }
  }

  @Test
  void hardPhotosCarryAHardConditionAndEveryKindOccurs() {
    Set<String> seen = new HashSet<>();
    for (int seed = 0; seed < 60; seed++) {
      Shot shot = new PhotoMaker().plan(null, Difficulty.HARD, new Random(seed));
      List<String> effects = shot.effects;
      assertTrue(effects.stream().anyMatch(HARD_MARKS::contains), effects::toString);
      if (effects.contains("small_card")) {
        assertTrue(shot.pose.apparentWidth() < 600, () -> "width " + shot.pose.apparentWidth());
      } else {
        assertTrue(shot.pose.apparentWidth() >= 600, () -> "width " + shot.pose.apparentWidth());
      }
      seen.addAll(effects);
    }
    for (String mark : List.of("glare", "strong_blur", "faded", "small_card")) {
      assertTrue(seen.contains(mark), mark);
    }
  }

  @Test
  void easyPhotosCarryNone() {
    for (int seed = 0; seed < 60; seed++) {
      List<String> effects = new PhotoMaker().plan(null, Difficulty.EASY, new Random(seed)).effects;
      assertTrue(effects.stream().noneMatch(HARD_MARKS::contains), effects::toString);
    }
  }

  @Test
  void turnedCardHasItsCornersTurnedToo() {
    CardPose pose = new CardPose(800, 1, 0, 0, 0, 1600, 500, 500);
    List<Point2D.Double> corners = pose.corners();
    // A quarter turn clockwise puts the card's top-left corner at the top-right of the photo.
    assertTrue(corners.get(0).x > 500 && corners.get(0).y < 500);
    assertEquals(90, pose.rotation());
  }

  private static Photo photo(long seed, Difficulty difficulty) {
    Random rnd = new Random(seed);
    RenderedCard card = new CardRenderer().render(GENERATOR.next(rnd), rnd);
    return new PhotoMaker().make(card, difficulty, rnd);
  }
}
