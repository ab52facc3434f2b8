package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.between;
import static id.ktpscan.ocr.synth.Draw.chance;
import static id.ktpscan.ocr.synth.Draw.pick;
import static id.ktpscan.ocr.synth.Draw.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Mat;

/**
 * Turns a flat card into a phone-like photo: a cluttered background, the card anywhere in the frame
 * at any size, tilted in 3-D, rotated (slightly, or by quarter turns), then blur, shading, glare,
 * faded print, sensor noise and JPEG artefacts in proportion to the requested {@link Difficulty}.
 * Strengths are stated in canonical card pixels and scaled with the card's size in the photo, so
 * that "strong blur" means the same for a small and a large card.
 */
public final class PhotoMaker {

  /** Phone photo sizes (landscape; some photos are taken portrait). */
  private static final int[][] SIZES = {
    {1280, 960}, {1440, 1080}, {1600, 1200}, {1920, 1440}, {2000, 1500}, {1600, 900}
  };

  /** The conditions a HARD photo draws at least one of. */
  enum Hard {
    GLARE,
    STRONG_BLUR,
    FADED,
    SMALL,
    TURNED
  }

  /** A photo of {@code card} at the given difficulty. */
  public Photo make(RenderedCard card, Difficulty difficulty, Random caller) {
    Random rnd = Draw.fork(caller);
    Mat flat = OpenCv.toMat(card.image());
    try {
      return plan(flat, difficulty, rnd).take(difficulty, rnd);
    } finally {
      flat.release();
    }
  }

  /** The plan of a positive photo; {@link NegativeMaker} starts from it and adds its defect. */
  Shot plan(Mat flat, Difficulty difficulty, Random rnd) {
    List<Hard> hard = new ArrayList<>();
    if (difficulty == Difficulty.HARD) {
      // One condition, sometimes two (each then milder): more would defeat a person too.
      List<Hard> kinds = new ArrayList<>(List.of(Hard.values()));
      hard.add(kinds.remove(rnd.nextInt(kinds.size())));
      if (chance(0.3, rnd)) {
        hard.add(pick(kinds, rnd));
      }
    }
    Shot shot = new Shot();
    shot.card = flat;
    frame(shot, rnd);
    shot.pose = pose(shot, difficulty, hard, rnd);
    optics(shot, difficulty, hard, rnd);
    light(shot, difficulty, hard, rnd);
    if (hard.contains(Hard.FADED)) {
      shot.fade = hard.size() == 1 ? uniform(0.32, 0.5, rnd) : uniform(0.45, 0.6, rnd);
      shot.effects.add("faded");
    }
    if (difficulty != Difficulty.EASY && chance(0.2, rnd)) {
      shot.thumb = uniform(0, 0.035, rnd);
      shot.effects.add("thumb");
    }
    return shot;
  }

  private static void frame(Shot shot, Random rnd) {
    int[] size = SIZES[rnd.nextInt(SIZES.length)];
    boolean portrait = chance(0.22, rnd);
    shot.width = portrait ? size[1] : size[0];
    shot.height = portrait ? size[0] : size[1];
  }

  private static CardPose pose(Shot shot, Difficulty difficulty, List<Hard> hard, Random rnd) {
    int quarter = 0;
    if (hard.contains(Hard.TURNED)) {
      quarter = pick(List.of(1, 2, 2, 3), rnd);
    } else if (difficulty == Difficulty.MEDIUM && chance(0.08, rnd)) {
      quarter = between(1, 3, rnd);
    }
    double maxAngle =
        switch (difficulty) {
          case EASY -> 4;
          case MEDIUM -> 9;
          case HARD -> 12;
        };
    double maxTilt =
        switch (difficulty) {
          case EASY -> 7;
          case MEDIUM -> 16;
          case HARD -> 18;
        };
    double width = 1000;
    CardPose pose =
        new CardPose(
            width,
            quarter,
            uniform(-maxAngle, maxAngle, rnd),
            uniform(-maxTilt, maxTilt, rnd),
            uniform(-maxTilt, maxTilt, rnd),
            width * uniform(1.3, 2.6, rnd),
            0,
            0);
    boolean small = hard.contains(Hard.SMALL);
    double least = difficulty == Difficulty.EASY ? 680 : 610;
    double fit = pose.withWidth(largestWidth(pose, shot.width, shot.height)).apparentWidth();
    if (!small && fit < least * 1.05) {
      // A portrait frame cannot hold a turned card this large: hold the phone the other way.
      shot.width = Math.max(shot.width, shot.height);
      shot.height = shot.width * 3 / 4;
      fit = pose.withWidth(largestWidth(pose, shot.width, shot.height)).apparentWidth();
    }
    double target;
    if (small) {
      target = hard.size() == 1 ? uniform(420, 590, rnd) : uniform(490, 590, rnd);
      shot.effects.add("small_card");
    } else {
      target = Math.max(least, fit * uniform(0.5, 0.9, rnd));
    }
    if (quarter != 0) {
      shot.effects.add("rotate" + quarter * 90);
    }
    if (Math.max(Math.abs(pose.tiltX()), Math.abs(pose.tiltY())) > 12) {
      shot.effects.add("perspective");
    }
    return place(pose.withApparentWidth(Math.min(target, fit)), shot.width, shot.height, rnd);
  }

  /** The widest the card can be at this pose and still lie inside the frame with a margin. */
  static double largestWidth(CardPose pose, int width, int height) {
    double margin = 0.03 * Math.min(width, height);
    double[] extent = pose.at(0, 0).extent();
    double scale = Math.min((width - 2 * margin) / extent[0], (height - 2 * margin) / extent[1]);
    return pose.width() * scale;
  }

  /** Puts the card at a random place where it lies wholly inside the frame. */
  static CardPose place(CardPose pose, int width, int height, Random rnd) {
    double margin = 0.02 * Math.min(width, height);
    double[] box = CardPose.bounds(pose.at(0, 0).corners());
    double lowX = margin - box[0];
    double highX = width - margin - box[2];
    double lowY = margin - box[1];
    double highY = height - margin - box[3];
    return pose.at(
        highX > lowX ? uniform(lowX, highX, rnd) : width / 2.0,
        highY > lowY ? uniform(lowY, highY, rnd) : height / 2.0);
  }

  private static void optics(Shot shot, Difficulty difficulty, List<Hard> hard, Random rnd) {
    double scale = shot.pose.width() / CardRenderer.WIDTH;
    if (hard.contains(Hard.STRONG_BLUR)) {
      double mild = hard.size() == 1 ? 1 : 0.8;
      if (chance(0.6, rnd)) {
        shot.blurSigma = uniform(1.6, 2.3, rnd) * mild * scale;
      } else {
        shot.blurSigma = 0.5 * scale;
        shot.motionLength = uniform(6, 10, rnd) * mild * scale;
        shot.motionAngle = uniform(0, 180, rnd);
      }
      shot.effects.add("strong_blur");
    } else if (difficulty == Difficulty.EASY) {
      shot.blurSigma = uniform(0, 0.5, rnd) * scale;
    } else {
      double most = difficulty == Difficulty.HARD ? 0.8 : 1.1;
      shot.blurSigma = uniform(0.3, most, rnd) * scale;
      if (chance(difficulty == Difficulty.HARD ? 0.1 : 0.2, rnd)) {
        shot.motionLength = uniform(2, 4.5, rnd) * scale;
        shot.motionAngle = uniform(0, 180, rnd);
        shot.effects.add("motion_blur");
      }
      if (shot.blurSigma > 0.8 * scale) {
        shot.effects.add("blur");
      }
    }
    if (!hard.contains(Hard.STRONG_BLUR) && chance(0.5, rnd)) {
      shot.sharpen = uniform(0.3, 0.8, rnd);
    }
  }

  private static void light(Shot shot, Difficulty difficulty, List<Hard> hard, Random rnd) {
    Effects.Lighting light = shot.lighting;
    double spread =
        switch (difficulty) {
          case EASY -> 0.3;
          case MEDIUM -> 0.8;
          case HARD -> 1;
        };
    light.brightness = 1 + uniform(-0.22, 0.12, rnd) * spread;
    for (int c = 0; c < 3; c++) {
      light.cast[c] = 1 + uniform(-0.1, 0.1, rnd) * spread;
    }
    light.gradient = uniform(-0.4, 0.4, rnd) * spread;
    light.gradientAngle = uniform(0, 2 * Math.PI, rnd);
    light.vignette = uniform(0, 0.35, rnd) * spread;
    if (light.brightness < 0.88) {
      shot.effects.add("dim");
    }
    if (Math.abs(light.cast[0] - light.cast[2]) > 0.1) {
      shot.effects.add("color_cast");
    }
    if (difficulty != Difficulty.EASY && chance(0.3, rnd)) {
      light.shadow = uniform(0.3, 0.55, rnd);
      light.shadowAngle = uniform(0, 2 * Math.PI, rnd);
      light.shadowOffset = uniform(-0.25, 0.25, rnd);
      light.shadowSoftness = uniform(0.03, 0.15, rnd);
      shot.effects.add("shadow");
    }
    if (hard.contains(Hard.GLARE)) {
      Shot.Glare halo = glare(uniform(0.25, 0.4, rnd), rnd);
      shot.glares.add(halo);
      double core = uniform(0.35, 0.5, rnd);
      shot.glares.add(
          new Shot.Glare(
              halo.u(),
              halo.v(),
              halo.axisA() * core,
              halo.axisB() * core,
              halo.degrees(),
              uniform(0.65, 0.8, rnd)));
      shot.effects.add("glare");
    } else if (difficulty == Difficulty.MEDIUM && chance(0.15, rnd)) {
      shot.glares.add(glare(uniform(0.25, 0.45, rnd), rnd));
      shot.effects.add("light_glare");
    }
    shot.noise =
        switch (difficulty) {
          case EASY -> uniform(1, 3, rnd);
          case MEDIUM -> uniform(2, 6, rnd);
          case HARD -> uniform(3, 8, rnd);
        };
    if (shot.noise > 5) {
      shot.effects.add("noise");
    }
    shot.jpegQuality =
        switch (difficulty) {
          case EASY -> between(75, 90, rnd);
          case MEDIUM -> between(55, 85, rnd);
          case HARD -> between(35, 75, rnd);
        };
    if (shot.jpegQuality < 55) {
      shot.effects.add("low_jpeg");
    }
  }

  /** A glare spot away from the NIK row, whose loss a retake would be needed for. */
  private static Shot.Glare glare(double peak, Random rnd) {
    double a = uniform(140, 260, rnd);
    return new Shot.Glare(
        uniform(0.12, 0.88, rnd),
        uniform(0.38, 0.9, rnd),
        a,
        a * uniform(0.35, 0.7, rnd),
        uniform(-40, 40, rnd),
        peak);
  }
}
