package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.chance;
import static id.ktpscan.ocr.synth.Draw.pick;
import static id.ktpscan.ocr.synth.Draw.uniform;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import java.awt.Rectangle;
import java.util.List;
import java.util.Random;
import org.opencv.core.Mat;

/**
 * Photos the service must refuse, each with the {@link RetryReason} it should give: no card,
 * another kind of card, a card too blurred, too dark, too small, cut off by the frame, or with
 * glare over the NIK. Each defect is made clearly past the line (a person could not read the NIK
 * either), so that a set measures wrong acceptances and wrong refusals without arguing about
 * borderline cases.
 */
public final class NegativeMaker {

  /** The reasons this maker produces ({@link RetryReason#UNREADABLE} is left to real failures). */
  public static final List<RetryReason> REASONS =
      List.of(
          RetryReason.NO_CARD,
          RetryReason.NOT_KTP,
          RetryReason.BLURRY,
          RetryReason.GLARE,
          RetryReason.TOO_DARK,
          RetryReason.CROPPED,
          RetryReason.TOO_SMALL);

  /**
   * A photo to refuse.
   *
   * @param photo the photo
   * @param reason why it must be refused
   * @param card the flat card in it (a KTP or another card), or null when there is none
   * @param showsKtp whether the card in it is an e-KTP of the identity (its fields are then the
   *     ground truth of what a perfect reader could still see)
   */
  public record Negative(Photo photo, RetryReason reason, RenderedCard card, boolean showsKtp) {}

  private final CardRenderer renderer = new CardRenderer();
  private final PhotoMaker photoMaker = new PhotoMaker();

  /** A photo that must be refused for {@code reason}, showing {@code identity}'s card if any. */
  public Negative make(RetryReason reason, Identity identity, Random caller) {
    Random rnd = Draw.fork(caller);
    if (!REASONS.contains(reason)) {
      throw new IllegalArgumentException("no negative is made for " + reason);
    }
    Difficulty base = chance(0.6, rnd) ? Difficulty.EASY : Difficulty.MEDIUM;
    OtherCardRenderer.Kind other = pick(List.of(OtherCardRenderer.Kind.values()), rnd);
    RenderedCard card =
        switch (reason) {
          case NO_CARD -> null;
          case NOT_KTP -> OtherCardRenderer.render(other, identity, rnd);
          default -> renderer.render(identity, rnd);
        };
    Mat flat = card == null ? null : OpenCv.toMat(card.image());
    try {
      Shot shot = photoMaker.plan(flat, base, rnd);
      shot.effects.removeIf(e -> e.equals("light_glare"));
      shot.glares.clear();
      shot.effects.add(0, defectName(reason));
      switch (reason) {
        case NO_CARD -> {
          shot.pose = null;
          shot.thumb = 0;
          shot.effects.clear();
          shot.effects.add("no_card");
        }
        case NOT_KTP -> shot.effects.add(1, other.name().toLowerCase(java.util.Locale.ROOT));
        case BLURRY -> blur(shot, rnd);
        case GLARE -> glareOverNik(shot, card.boxes().get(KtpField.NIK), rnd);
        case TOO_DARK -> dark(shot, rnd);
        case CROPPED -> crop(shot, rnd);
        case TOO_SMALL -> shrink(shot, rnd);
        default -> throw new IllegalStateException();
      }
      Photo photo = shot.take(base, rnd);
      boolean ktp = card != null && reason != RetryReason.NOT_KTP;
      return new Negative(photo, reason, card, ktp);
    } finally {
      if (flat != null) {
        flat.release();
      }
    }
  }

  /** The effect name of a defect; distinct from the names of a positive's milder effects. */
  static String defectName(RetryReason reason) {
    return switch (reason) {
      case NO_CARD -> "no_card";
      case NOT_KTP -> "other_card";
      case BLURRY -> "heavy_blur";
      case GLARE -> "nik_glare";
      case TOO_DARK -> "dark";
      case CROPPED -> "cropped";
      case TOO_SMALL -> "tiny_card";
      default -> reason.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static void blur(Shot shot, Random rnd) {
    double scale = shot.pose.width() / CardRenderer.WIDTH;
    shot.sharpen = 0;
    if (chance(0.6, rnd)) {
      shot.blurSigma = uniform(5, 8, rnd) * scale;
      shot.motionLength = 0;
    } else {
      shot.blurSigma = 1.5 * scale;
      shot.motionLength = uniform(26, 40, rnd) * scale;
      shot.motionAngle = uniform(0, 180, rnd);
    }
  }

  /** A clipped white reflection whose saturated core covers the whole NIK value. */
  private static void glareOverNik(Shot shot, Rectangle nik, Random rnd) {
    double u = nik.getCenterX() / CardRenderer.WIDTH + uniform(-0.03, 0.03, rnd);
    double v = nik.getCenterY() / CardRenderer.HEIGHT + uniform(-0.01, 0.01, rnd);
    double a = nik.width * uniform(0.75, 0.95, rnd);
    double b = Math.max(nik.height * uniform(1.6, 2.4, rnd), 40);
    shot.glares.add(new Shot.Glare(u, v, a, b, uniform(-6, 6, rnd), uniform(2.4, 3.6, rnd)));
  }

  private static void dark(Shot shot, Random rnd) {
    shot.lighting.brightness = uniform(0.07, 0.16, rnd);
    shot.noise = uniform(4, 8, rnd);
  }

  /** Slides the card over an edge of the frame until 25–40 % of it lies outside. */
  private static void crop(Shot shot, Random rnd) {
    double target = uniform(0.25, 0.40, rnd);
    double direction = rnd.nextInt(8) * Math.PI / 4 + uniform(-0.3, 0.3, rnd);
    double dx = Math.cos(direction);
    double dy = Math.sin(direction);
    CardPose start = shot.pose;
    double low = 0;
    double high = Math.max(shot.width, shot.height);
    for (int i = 0; i < 40; i++) {
      double mid = (low + high) / 2;
      CardPose moved = start.at(start.centerX() + dx * mid, start.centerY() + dy * mid);
      if (moved.outsideShare(shot.width, shot.height) < target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    shot.pose = start.at(start.centerX() + dx * high, start.centerY() + dy * high);
  }

  private static void shrink(Shot shot, Random rnd) {
    CardPose small = shot.pose.withApparentWidth(uniform(120, 235, rnd));
    shot.pose = PhotoMaker.place(small, shot.width, shot.height, rnd);
    shot.effects.removeIf(e -> e.equals("small_card"));
  }
}
