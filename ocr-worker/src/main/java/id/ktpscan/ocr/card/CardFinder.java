package id.ktpscan.ocr.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the card in a photo: the quadrilateral of an ID-1 card, at any position, in-plane rotation
 * and moderate perspective, on a cluttered background.
 *
 * <p>The search runs on a working image of at most {@link #WORK_SIDE} pixels. Several views propose
 * rough quads ({@link Proposals}): straight lines of the edge map combined into quads, closed
 * outlines, and regions of the card's colour. Each proposal's sides are moved onto the straight
 * edges next to them ({@link QuadFit}), which also measures how much of each side is real edge; a
 * side with little support is slid along its neighbours to the best edge. The candidates with the
 * best outlines are then looked at inside ({@link Cardness}): one margin colour all round, a photo
 * block at one end, a margin unlike the background on every side.
 *
 * <p>Two small logistic models, fitted on generated photos, combine these measures: a
 * <em>preference</em> that ranks the candidates of one photo, and a <em>presence</em> that says how
 * likely the preferred quad is an e-KTP's outline at all. The chosen quad's sides are finally
 * fitted again on the full-resolution photo, away from the rounded corners, and the corners are
 * where the fitted sides meet.
 */
public final class CardFinder {

  /** ID-1 aspect, 85.60 × 53.98 mm. */
  public static final double CARD_ASPECT = 85.60 / 53.98;

  /**
   * The {@link Quad#score()} below which the photo should be taken to hold no card.
   *
   * <p>Set during development on generated photos (with a harness not kept in the repository): an
   * e-KTP's quad scores well above it, the best quad of a photo without any card (a sheet of paper,
   * a box, a phone) well below it. Other kinds of card (a bank card, a driving licence) score on
   * either side of it, so the caller's own check that the card is an e-KTP stays needed.
   */
  public static final double MIN_SCORE = 0.5;

  /** Long side of the working image that candidates are found and scored on. */
  static final int WORK_SIDE = 640;

  /** Candidates looked at inside: the best by their outline alone. */
  private static final int LOOKED_AT = 6;

  /** Candidates whose weakest side is slid to a better edge: the best by their outline. */
  private static final int SLID = 4;

  /**
   * Weights of the preference among one photo's candidates, in the order of {@link #preference};
   * fitted on generated photos so that the true card ranks first.
   */
  private static final double[] PREFERENCE = {
    2.760, 3.432, -0.091, -0.405, 0.204, 0.632, 1.054, 0.952, -1.329, 0.611, -2.490, -0.660, 0.997,
    0.282
  };

  /**
   * Weights and bias of the presence, in the order of {@link #presence}; fitted on generated photos
   * with and without a card, on each photo's preferred candidate.
   */
  private static final double[] PRESENCE = {
    3.183, 1.782, 1.279, -0.169, 2.130, 5.204, 2.217, -0.857
  };

  private static final double PRESENCE_BIAS = -9.621;

  /**
   * A card found in the photo.
   *
   * @param corners the card's corners in photo pixels, ordered so that {@code corners[0]→[1]} is a
   *     long edge (top-left, top-right, bottom-right, bottom-left of the card as seen, up to a half
   *     turn that {@link Rectifier} resolves)
   * @param score how likely the quad is an e-KTP's outline, in [0, 1]: an estimate fitted on
   *     generated photos; below {@link #MIN_SCORE} the photo should be taken to hold no card
   */
  public record Quad(Point[] corners, double score) {

    /** Length of the card's long edge in photo pixels. */
    public double width() {
      return (Geometry.dist(corners[0], corners[1]) + Geometry.dist(corners[3], corners[2])) / 2;
    }

    public double height() {
      return (Geometry.dist(corners[0], corners[3]) + Geometry.dist(corners[1], corners[2])) / 2;
    }
  }

  /**
   * The candidates looked at, the preferred first, in photo pixels as found on the working image
   * (for diagnostics; {@link #find} refines the first on the full photo).
   */
  public List<Quad> candidates(Mat bgr) {
    if (tooSmall(bgr)) {
      return List.of();
    }
    Search search = new Search(bgr);
    List<Quad> out = new ArrayList<>();
    for (Candidate c : search.ranked) {
      out.add(new Quad(search.toPhoto(c.corners), c.score));
    }
    search.release();
    return out;
  }

  /**
   * The preferred quad, or empty when nothing in the photo is shaped like a card. A photo with no
   * card usually still gives a quad, with a score below {@link #MIN_SCORE}.
   */
  public Optional<Quad> find(Mat bgr) {
    if (tooSmall(bgr)) {
      return Optional.empty();
    }
    Search search = new Search(bgr);
    try {
      if (search.ranked.isEmpty()) {
        return Optional.empty();
      }
      Candidate best = preferredCard(search.ranked);
      Point[] corners = search.toPhoto(best.corners);
      if (search.scale < 0.999) {
        // The working image fixes each side to within a working pixel; a band of one and a half
        // of them on either side holds the edge on the photo.
        int band = (int) Math.ceil(Math.max(4, 1.5 / search.scale));
        corners = QuadFit.onPhoto(search.photo, corners, band, 0.07).corners();
        corners = QuadFit.onPhoto(search.photo, corners, 3, 0.07).corners();
      }
      return Optional.of(new Quad(order(corners), best.score));
    } finally {
      search.release();
    }
  }

  /** A candidate on the working image. */
  static final class Candidate {
    Point[] corners;
    QuadFit.Fitted fit;
    double outline;
    double areaShare;
    Cardness.Look look;
    double preference;
    double score;
  }

  /** How much smaller than the preferred outline a card-like candidate must be to replace it. */
  static final double MUCH_SMALLER = 0.5;

  /**
   * The preferred candidate, unless it does not look like a card at all ({@link #MIN_SCORE}) and a
   * much smaller, less preferred one does: the preference favours long, well-supported outlines, so
   * a tiny card on a page ranks below the page's own edges (seen: a card 190 px wide in a 2000-px
   * photo, presence 0.56, a sixth of the area of the outline preferred, presence 0.00). Only a much
   * smaller one ({@link #MUCH_SMALLER}): a large pale backdrop can look card-like too (seen: a
   * patterned green table, presence 0.75, behind a small bank card; a region of a photo without a
   * card, presence 0.50, 0.87 of the preferred outline's area).
   */
  static Candidate preferredCard(List<Candidate> ranked) {
    Candidate first = ranked.get(0);
    if (first.score >= MIN_SCORE) {
      return first;
    }
    for (Candidate c : ranked) {
      if (c.score >= MIN_SCORE && c.areaShare < MUCH_SMALLER * first.areaShare) {
        return c;
      }
    }
    return first;
  }

  /**
   * Share of the photo's width and height that each of the four tiles of {@link #findSmall} covers.
   * Neighbouring tiles overlap by 0.2 of the photo, so a card narrower than that lies whole in one
   * tile; a wider one can straddle two (the widest card the gate calls too small, 300 px, is wider
   * than 0.2 of a 1,080-px photo). Larger tiles overlap more but leave a small card a smaller share
   * of its tile, which the presence model scores lower: with tiles of 0.65 two tiny cards of seeds
   * 9292 and 9393 scored under {@link #MIN_SCORE} that tiles of 0.6 find at 0.81 and 0.99 (a
   * development probe, not kept). At 0.6, {@code FinderReport} (bench/ocr-bench) over the negatives
   * of seeds 9191, 9292 and 9393 finds a small card in 59 of their 60 tiny-card photos and in none
   * of their 60 photos without a card.
   */
  static final double TILE_SHARE = 0.6;

  /** Pixels (of the photo) a quad's corners must keep from the edge of its tile to count whole. */
  private static final int TILE_MARGIN = 3;

  /**
   * Share of the photo's width and height that each of the sixteen tiles of {@link #findSmall}'s
   * second search covers, when its four tiles found nothing: a tiny card pale on a pale page has
   * edges too faint for the working image of a tile 0.6 of the photo long, and more of its pixels
   * in a tile 0.35 long. Neighbouring tiles overlap by 0.13 of the photo. Over seventeen
   * negatives-only sets ({@code TinyProbe}, a probe not kept; docs/benchmarks.md "Tiny cards on a
   * page"), the four tiles found a card in 335 of their 340 tiny-card photos; the sixteen found
   * four of the other five and, of their 340 photos without a card, a blank shape (which {@code
   * CardReader} tells by its lack of print) and a sliver ({@link #MIN_RECTANGULARITY}).
   */
  static final double FINE_TILE_SHARE = 0.35;

  /**
   * A card too small for the whole-photo search to propose: its outline spans a few dozen pixels of
   * the working image, below what {@link Proposals} picks up (seen: cards 120–235 px wide in photos
   * 1080–2000 px wide, no proposal near them). The photo is searched again in four overlapping
   * tiles, each on a working image of its own, so a small card has two to four times the pixels;
   * where they find none, in sixteen smaller tiles ({@link #FINE_TILE_SHARE}).
   *
   * <p>For refusals only (the caller already found no card): it costs four to twenty searches, and
   * the quad is not refined on the photo.
   *
   * @param maxWidth only quads whose long edge is shorter than this, in photo pixels
   * @return the most card-like quad of the tiles that scores at least {@link #MIN_SCORE}, lies
   *     whole inside its tile, is nearly a rectangle ({@link #MIN_RECTANGULARITY}) and is narrower
   *     than {@code maxWidth}, in photo pixels
   */
  public Optional<Quad> findSmall(Mat bgr, double maxWidth) {
    Optional<Quad> quad = findInTiles(bgr, maxWidth, TILE_SHARE, 2);
    return quad.isPresent() ? quad : findInTiles(bgr, maxWidth, FINE_TILE_SHARE, 4);
  }

  /** {@link #findSmall} over {@code perSide} × {@code perSide} tiles {@code share} long. */
  private Optional<Quad> findInTiles(Mat bgr, double maxWidth, double share, int perSide) {
    if (tooSmall(bgr)) {
      return Optional.empty();
    }
    int tileWidth = (int) Math.round(bgr.cols() * share);
    int tileHeight = (int) Math.round(bgr.rows() * share);
    Quad best = null;
    for (int row = 0; row < perSide; row++) {
      for (int col = 0; col < perSide; col++) {
        int x0 = col * (bgr.cols() - tileWidth) / (perSide - 1);
        int y0 = row * (bgr.rows() - tileHeight) / (perSide - 1);
        // Scaled here to the working size: left to the search, a tile a little over 1.5 working
        // images long would be halved to well under one (seen: 1,040 px → 520).
        Mat tile = bgr.submat(new Rect(x0, y0, tileWidth, tileHeight));
        double f = Math.min(1.0, (double) WORK_SIDE / Math.max(tileWidth, tileHeight));
        Mat scaled = new Mat();
        Imgproc.resize(tile, scaled, new Size(), f, f, Imgproc.INTER_AREA);
        Search search = new Search(scaled);
        try {
          for (Candidate c : search.ranked) {
            Point[] inTile = search.toPhoto(c.corners);
            if (c.score < MIN_SCORE
                || (best != null && c.score <= best.score())
                || !inside(inTile, scaled.cols(), scaled.rows(), TILE_MARGIN * f)) {
              continue;
            }
            Point[] corners = new Point[4];
            for (int k = 0; k < 4; k++) {
              corners[k] = new Point(inTile[k].x / f + x0, inTile[k].y / f + y0);
            }
            Quad quad = new Quad(order(corners), c.score);
            if (quad.width() < maxWidth && rectangular(quad)) {
              best = quad;
            }
          }
        } finally {
          search.release();
          scaled.release();
          tile.release();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Long side, in pixels, of the small copy of a photo {@link #blurredCardScore} searches: a
   * Gaussian blur of 5–8 photo pixels spans under one pixel there, so a blurred card has edges
   * again, while {@link Cardness}' grid still sees its margin and photo block.
   */
  static final int BLURRED_SIDE = 200;

  /**
   * How card-like the most card-like quad of the photo is on a copy {@link #BLURRED_SIDE} pixels
   * long: a card the working image's search misses because blur took its edges is found there. 0
   * when nothing is proposed.
   *
   * <p>For refusals only, to tell a blurred card from no card at all in a photo out of focus
   * ({@code CardReader}): over the heavily blurred and the no-card negatives of eleven sets
   * (negatives-only 1234, 5151, 8080, 9191, 9292, 9393 and 42's first 50; the negatives of 7171,
   * 8181, 8282, 8383) whose {@link QualityGate#photoSharpness} is under {@link
   * QualityGate#MIN_PHOTO_SHARPNESS}, every blurred photo scored 0.55 or more here and every photo
   * without a card 0.08 or less ({@code FinderReport}, bench/ocr-bench). In sharper photos a
   * backdrop can score as high as a card (seed 42's negative 28: 0.94).
   */
  public double blurredCardScore(Mat bgr) {
    return blurredCard(bgr).map(Quad::score).orElse(0.0);
  }

  /**
   * The most card-like quad of the photo on a copy {@link #BLURRED_SIDE} pixels long ({@link
   * #blurredCardScore}), in photo pixels (its corners as found there, scaled back: a few photo
   * pixels off); empty when nothing is proposed.
   */
  public Optional<Quad> blurredCard(Mat bgr) {
    if (tooSmall(bgr)) {
      return Optional.empty();
    }
    double f = Math.min(1.0, (double) BLURRED_SIDE / Math.max(bgr.cols(), bgr.rows()));
    Mat small = new Mat();
    Imgproc.resize(bgr, small, new Size(), f, f, Imgproc.INTER_AREA);
    try {
      return candidates(small).stream()
          .max(Comparator.comparingDouble(Quad::score))
          .map(
              q -> {
                Point[] corners = new Point[4];
                for (int k = 0; k < 4; k++) {
                  corners[k] = new Point(q.corners()[k].x / f, q.corners()[k].y / f);
                }
                return new Quad(order(corners), q.score());
              });
    } finally {
      small.release();
    }
  }

  /**
   * Share of its width times its height a small card's quad must cover: a card seen at an angle is
   * still nearly a rectangle (a parallelogram leaning 45° covers 0.71), while the tiled search can
   * fit four corners to a sliver (seed 1111's negative 133, negatives-only run: 62 × 40 px and 581
   * px², 0.23, found in the second pass).
   */
  static final double MIN_RECTANGULARITY = 0.7;

  /** Whether a quad covers {@link #MIN_RECTANGULARITY} of its width times its height at least. */
  static boolean rectangular(Quad quad) {
    MatOfPoint2f contour = new MatOfPoint2f(quad.corners());
    try {
      double area = Math.abs(Imgproc.contourArea(contour));
      return area >= MIN_RECTANGULARITY * quad.width() * quad.height();
    } finally {
      contour.release();
    }
  }

  private static boolean inside(Point[] corners, int width, int height, double margin) {
    for (Point p : corners) {
      if (p.x < margin || p.y < margin || p.x > width - margin || p.y > height - margin) {
        return false;
      }
    }
    return true;
  }

  /** One search over a photo: the working image, proposals, fitting and ranking. */
  static final class Search {
    final Mat photo;
    final double scale;
    final List<Candidate> ranked = new ArrayList<>();
    private final boolean converted;

    Search(Mat bgr) {
      this(bgr, LOOKED_AT);
    }

    /**
     * @param lookedAt how many of the best outlines to look at inside and rank
     */
    Search(Mat bgr, int lookedAt) {
      converted = bgr.channels() != 3;
      photo = converted ? toBgr(bgr) : bgr;
      Mat work = workImage(photo);
      scale = work.cols() / (double) photo.cols();
      Mat blurred = new Mat();
      Imgproc.GaussianBlur(work, blurred, new Size(3, 3), 0);
      Mat dx = new Mat();
      Mat dy = new Mat();
      Imgproc.Sobel(blurred, dx, CvType.CV_16S, 1, 0, 3);
      Imgproc.Sobel(blurred, dy, CvType.CV_16S, 0, 1, 3);
      GradientField field = new GradientField(dx, dy);
      double imageArea = work.cols() * (double) work.rows();
      double diagonal = Math.hypot(work.cols(), work.rows());

      List<Candidate> fitted = new ArrayList<>();
      for (Point[] q : distinct(Proposals.of(work, dx, dy), 0.012 * diagonal)) {
        Candidate c = fitted(field, q, 6, imageArea);
        if (c != null) {
          fitted.add(c);
        }
      }
      fitted.sort(Comparator.comparingDouble((Candidate c) -> -c.outline));
      int slid = 0;
      for (int i = 0; i < fitted.size() && slid < SLID; i++) {
        double[] support = fitted.get(i).fit.support();
        int weakest = 0;
        for (int k = 1; k < 4; k++) {
          weakest = support[k] < support[weakest] ? k : weakest;
        }
        if (support[weakest] < 0.7) {
          Point[] moved = QuadFit.slide(field, fitted.get(i).fit.corners(), weakest);
          Candidate c = fitted(field, moved, 3, imageArea);
          if (c != null) {
            fitted.add(c);
          }
          slid++;
        }
      }
      fitted.sort(Comparator.comparingDouble((Candidate c) -> -c.outline));

      Cardness cardness = new Cardness(work);
      double imageGray = medianGray(blurred);
      for (Candidate c : fitted) {
        if (ranked.size() == lookedAt) {
          break;
        }
        if (ranked.stream().noneMatch(k -> sameQuad(k.corners, c.corners, 0.006 * diagonal))) {
          c.look = cardness.look(c.corners, imageGray);
          c.preference = preference(c);
          c.score = presence(c);
          ranked.add(c);
        }
      }
      ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.preference));
      for (Mat m : List.of(work, blurred, dx, dy)) {
        m.release();
      }
    }

    Point[] toPhoto(Point[] corners) {
      Point[] out = new Point[4];
      for (int i = 0; i < 4; i++) {
        out[i] = new Point(corners[i].x / scale, corners[i].y / scale);
      }
      return out;
    }

    void release() {
      if (converted) {
        photo.release();
      }
    }
  }

  private static boolean tooSmall(Mat image) {
    return image.empty() || Math.min(image.cols(), image.rows()) < 32;
  }

  private static Mat toBgr(Mat image) {
    Mat bgr = new Mat();
    int code = image.channels() == 4 ? Imgproc.COLOR_BGRA2BGR : Imgproc.COLOR_GRAY2BGR;
    Imgproc.cvtColor(image, bgr, code);
    return bgr;
  }

  /** The quad fitted to the edges near it, or null when it cannot be a card's outline. */
  private static Candidate fitted(
      GradientField field, Point[] quad, double band, double imageArea) {
    QuadFit.Fitted fit = QuadFit.onField(field, quad, band, 0.1, 40);
    fit = QuadFit.onField(field, fit.corners(), 2.5, 0.08, 80);
    Candidate c = new Candidate();
    c.corners = order(fit.corners());
    c.fit = fit;
    double area = 0;
    for (int k = 0; k < 4; k++) {
      Point a = c.corners[k];
      Point b = c.corners[(k + 1) % 4];
      area += (a.x * b.y - a.y * b.x) / 2;
    }
    area = Math.abs(area);
    c.areaShare = area / imageArea;
    if (c.areaShare < 0.002 || !plausible(c.corners)) {
      return null;
    }
    double aspectFit = Math.exp(-Math.pow(Math.log(aspect(c.corners) / CARD_ASPECT) / 0.15, 2));
    c.outline = aspectFit * fit.meanSupport() * (0.5 + 0.5 * fit.minSupport());
    return c.outline > 1e-3 ? c : null;
  }

  /**
   * The preference of a candidate over the photo's others: mostly how well its sides are supported
   * and how card-like its inside is (see {@link Cardness.Look}).
   */
  static double preference(Candidate c) {
    Cardness.Look l = c.look;
    double strength = Arrays.stream(c.fit.strength()).average().orElse(0);
    double[] x = {
      c.fit.meanSupport(),
      c.fit.minSupport(),
      aspectPenalty(c.corners),
      Math.log(Math.max(1, strength) / 100),
      Math.log(c.areaShare),
      Math.tanh(l.photoChroma() / 25),
      Math.tanh(l.photoDark() / 60),
      Math.tanh(l.photoAsym() / 25),
      l.rimOutliers(),
      Math.tanh(l.rimCyan() / 20),
      Math.tanh(l.sideColour() / 15),
      Math.tanh(l.sideBright() / 0.2),
      Math.tanh(l.sideContrast() / 30),
      Math.min(l.rimBright(), 2.5)
    };
    return dot(PREFERENCE, x);
  }

  /**
   * How likely the candidate is an e-KTP's outline, in [0, 1]. The photo block's contrasts are
   * taken relative to the margin's grey level (at a typical 200), so that a dim photo of a card is
   * still told from a bright one of a box.
   */
  static double presence(Candidate c) {
    Cardness.Look l = c.look;
    double light = Math.max(1, l.rimGray()) / 200;
    double[] x = {
      Math.tanh(l.photoDark() / light / 60),
      Math.tanh(l.photoChroma() / light / 25),
      Math.tanh(l.photoAsym() / light / 25),
      aspectPenalty(c.corners),
      c.fit.minSupport(),
      c.fit.meanSupport(),
      Math.tanh(l.rimCyan() / 20),
      Math.min(Math.abs(l.textDark() - 0.09) / 0.05, 4)
    };
    return 1 / (1 + Math.exp(-(PRESENCE_BIAS + dot(PRESENCE, x))));
  }

  /** Squared log deviation from the card's aspect, in units of 5 %, capped. */
  private static double aspectPenalty(Point[] corners) {
    return Math.min(Math.pow(Math.log(aspect(corners) / CARD_ASPECT) / 0.05, 2), 16);
  }

  private static double dot(double[] w, double[] x) {
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i] * x[i];
    }
    return sum;
  }

  /** Convex, and with opposite sides of similar length, as a card in perspective has. */
  private static boolean plausible(Point[] q) {
    int sign = 0;
    for (int k = 0; k < 4; k++) {
      Point a = q[k];
      Point b = q[(k + 1) % 4];
      Point c = q[(k + 2) % 4];
      int s = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) > 0 ? 1 : -1;
      if (sign != 0 && s != sign) {
        return false;
      }
      sign = s;
    }
    for (int k = 0; k < 2; k++) {
      double side = Geometry.dist(q[k], q[k + 1]);
      double opposite = Geometry.dist(q[k + 2], q[(k + 3) % 4]);
      if (Math.min(side, opposite) < 0.6 * Math.max(side, opposite)) {
        return false;
      }
    }
    return true;
  }

  private static double aspect(Point[] corners) {
    Quad q = new Quad(corners, 0);
    return q.width() / Math.max(1, q.height());
  }

  private static double medianGray(Mat bgr) {
    Mat gray = new Mat();
    Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
    byte[] data = new byte[(int) gray.total()];
    gray.get(0, 0, data);
    gray.release();
    int[] histogram = new int[256];
    for (byte b : data) {
      histogram[b & 0xff]++;
    }
    int sum = 0;
    for (int v = 0; v < 256; v++) {
      sum += histogram[v];
      if (2 * sum >= data.length) {
        return v;
      }
    }
    return 255;
  }

  /**
   * The photo shrunk to at most {@link #WORK_SIDE} on its long side: halved while it is far larger
   * (OpenCV's fast path for exact halves), then resized the rest of the way.
   */
  static Mat workImage(Mat bgr) {
    Mat work = bgr;
    while (Math.max(work.cols(), work.rows()) > 1.5 * WORK_SIDE) {
      Mat half = new Mat();
      Imgproc.resize(work, half, new Size(), 0.5, 0.5, Imgproc.INTER_AREA);
      if (work != bgr) {
        work.release();
      }
      work = half;
    }
    int side = Math.max(work.cols(), work.rows());
    if (side > WORK_SIDE) {
      double f = (double) WORK_SIDE / side;
      Mat small = new Mat();
      Imgproc.resize(
          work,
          small,
          new Size(Math.round(work.cols() * f), Math.round(work.rows() * f)),
          0,
          0,
          Imgproc.INTER_LINEAR);
      if (work != bgr) {
        work.release();
      }
      work = small;
    }
    return work == bgr ? bgr.clone() : work;
  }

  /**
   * Share of a quad's short side within which another proposal counts as the same quad: a tiny
   * card's good proposal lies a few working pixels from a poor one, which a fixed tolerance would
   * drop unfitted (seen: a card 190 px wide in a 2000-px photo, never found).
   */
  private static final double SAME_SHARE_OF_SHORT_SIDE = 0.1;

  /**
   * The quads that differ from every earlier one by more than {@code tolerance} at a corner (less
   * for small quads: {@link #SAME_SHARE_OF_SHORT_SIDE}).
   */
  private static List<Point[]> distinct(List<Point[]> quads, double tolerance) {
    List<Point[]> out = new ArrayList<>();
    for (Point[] q : quads) {
      Point[] ordered = order(q);
      double own = Math.min(tolerance, SAME_SHARE_OF_SHORT_SIDE * new Quad(ordered, 0).height());
      if (out.stream().noneMatch(o -> sameQuad(o, ordered, own))) {
        out.add(ordered);
      }
    }
    return out;
  }

  /** Whether two ordered quads have their corners within {@code tolerance}, up to a half turn. */
  private static boolean sameQuad(Point[] a, Point[] b, double tolerance) {
    for (int shift = 0; shift < 4; shift += 2) {
      boolean all = true;
      for (int i = 0; i < 4 && all; i++) {
        all = Geometry.dist(a[i], b[(i + shift) % 4]) <= tolerance;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * Corners clockwise from the top-left as seen, then turned so that the first edge is a long one:
   * a card photographed upright or upside down starts at its top-left (or bottom-right); a card
   * turned a quarter starts at the corner that makes its long edge the top.
   */
  static Point[] order(Point[] corners) {
    Point center = new Point(0, 0);
    for (Point p : corners) {
      center.x += p.x / 4;
      center.y += p.y / 4;
    }
    Point[] sorted = corners.clone();
    Arrays.sort(
        sorted,
        (a, b) ->
            Double.compare(
                Math.atan2(a.y - center.y, a.x - center.x),
                Math.atan2(b.y - center.y, b.x - center.x)));
    int first = 0;
    for (int i = 1; i < 4; i++) {
      if (sorted[i].x + sorted[i].y < sorted[first].x + sorted[first].y) {
        first = i;
      }
    }
    Point[] clockwise = new Point[4];
    for (int i = 0; i < 4; i++) {
      clockwise[i] = sorted[(first + i) % 4];
    }
    double top =
        Geometry.dist(clockwise[0], clockwise[1]) + Geometry.dist(clockwise[3], clockwise[2]);
    double side =
        Geometry.dist(clockwise[0], clockwise[3]) + Geometry.dist(clockwise[1], clockwise[2]);
    if (side > top) {
      return new Point[] {clockwise[3], clockwise[0], clockwise[1], clockwise[2]};
    }
    return clockwise;
  }
}
