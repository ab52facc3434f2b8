package id.ktpscan.ocr.synth;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.card.Rectifier;
import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.engine.OcrSession;
import id.ktpscan.ocr.engine.TextBox;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Training lines for a text recogniser, cut exactly as the pipeline cuts them: a synthetic card is
 * photographed ({@link PhotoMaker}), rectified from its true corners moved by a few pixels (the
 * card finder's error), and the PP-OCR detector's boxes on it are cropped by the recogniser's own
 * {@link OcrSession#lineImage}. A box's text is the printed strings ({@link RenderedCard#texts()})
 * that lie wholly inside it, left to right, joined by a space where the gap between them looks like
 * one; a box that cuts a string, spans two rows or holds ink that is not text (the signature) is
 * left out rather than labelled approximately. One flat render in eight is used unphotographed.
 *
 * <p>Output: {@code part-K.bin} per thread, records of {@code int width, int height, short
 * labelLength, label (UTF-8), width × height grey bytes (row-major)}, big-endian. Samples are a
 * pure function of (seed, index), like {@link SyntheticSet}.
 *
 * <p>Command line: {@code LineSet --n CARDS --seed S --out DIR [--height 32] [--threads 2] [--part
 * K/N] [--names-only]}; {@code --names-only} keeps only the name's line (the name checker's
 * training set); {@code --part} lets N processes share the cards (what {@code train.sh} does: a
 * native crash then costs one part, which is written again, not the whole set).
 */
public final class LineSet {

  /** The random stream of training cards, apart from {@link SyntheticSet}'s photo streams. */
  private static final int STREAM = 3;

  private static final int MAX_WIDTH = 1280;

  /** A gap between two printed strings wider than this share of the taller one's ink is a space. */
  static final double SPACE_GAP = 0.25;

  private final IdentityGenerator identities;
  private final CardRenderer renderer = new CardRenderer();
  private final PhotoMaker photos = new PhotoMaker();
  private final Rectifier rectifier = new Rectifier();

  LineSet(AreaDirectory areas) {
    this.identities = new IdentityGenerator(areas);
  }

  /** One labelled line: grey pixels, row-major. */
  record Line(String text, int width, int height, byte[] grey) {}

  /** The lines of card {@code index}. */
  List<Line> lines(OcrSession session, long seed, int index, int height) {
    return lines(session, seed, index, height, false);
  }

  /**
   * The lines of card {@code index}; with {@code namesOnly}, only the line that holds the name (the
   * name checker's training set: the checker reads nothing else).
   */
  List<Line> lines(OcrSession session, long seed, int index, int height, boolean namesOnly) {
    Random rnd = new Random(SyntheticSet.sampleSeed(seed, STREAM, index));
    RenderedCard card = renderer.render(trainingIdentity(identities.next(rnd), rnd), rnd);
    Mat flat = OpenCv.toMat(card.image());
    Mat rectified;
    try {
      if (index % 8 == 7) {
        rectified = flat.clone();
      } else {
        Photo photo = photos.make(card, SyntheticSet.difficulty(seed, index), rnd);
        rectified = rectify(photo, rnd);
        if (rectified == null) {
          return List.of();
        }
      }
    } finally {
      flat.release();
    }
    try {
      List<Line> lines = new ArrayList<>();
      for (TextBox box : session.detect(rectified)) {
        String text = label(box, card.texts());
        if (text == null || namesOnly && !holdsName(text, card)) {
          continue;
        }
        Mat crop = session.lineImage(rectified, box, height, MAX_WIDTH);
        Mat grey = new Mat();
        Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
        byte[] pixels = new byte[grey.rows() * grey.cols()];
        grey.get(0, 0, pixels);
        lines.add(new Line(text, grey.cols(), grey.rows(), pixels));
        grey.release();
        crop.release();
      }
      return lines;
    } finally {
      rectified.release();
    }
  }

  /** Whether a line's label ends with the card's printed name (the name's value box). */
  static boolean holdsName(String label, RenderedCard card) {
    Rectangle name = card.boxes().get(KtpField.NAME);
    for (RenderedCard.PrintedText t : card.texts()) {
      if (t.box().equals(name)) {
        return label.endsWith(t.text());
      }
    }
    return false;
  }

  /** The identity with, on a share of cards, a {@link TrainingNames} name instead of its own. */
  static Identity trainingIdentity(Identity identity, Random rnd) {
    if (rnd.nextDouble() >= TrainingNames.SHARE) {
      return identity;
    }
    Map<KtpField, String> fields = new EnumMap<>(identity.fields());
    fields.put(KtpField.NAME, TrainingNames.make(identity.get(KtpField.NAME), rnd));
    Map<KtpField, String> printed = new EnumMap<>(KtpField.class);
    printed.putAll(identity.printed());
    printed.remove(KtpField.NAME);
    return new Identity(
        fields, printed, identity.issueCity(), identity.issueDate(), identity.villageCode());
  }

  /** The card cut out of the photo from its true corners, each moved by the finder's error. */
  private Mat rectify(Photo photo, Random rnd) {
    MatOfByte bytes = new MatOfByte(photo.jpeg());
    Mat image = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
    bytes.release();
    try {
      Point[] corners = new Point[4];
      for (int i = 0; i < 4; i++) {
        Point2D.Double c = photo.corners().get(i);
        if (c.x < 0 || c.y < 0 || c.x >= photo.width() || c.y >= photo.height()) {
          return null;
        }
        corners[i] = new Point(c.x + rnd.nextGaussian() * 2.5, c.y + rnd.nextGaussian() * 2.5);
      }
      Rectifier.Rectified rectified = rectifier.rectify(image, corners);
      if (rectified.turned()) {
        // The rectifier's half-turn test erred on this photo: its boxes are not the card's.
        rectified.card().release();
        return null;
      }
      return rectified.card();
    } finally {
      image.release();
    }
  }

  /**
   * The text of {@code box}: the printed strings wholly inside it, or null when it cuts one, spans
   * rows or is much wider than its text.
   */
  static String label(TextBox box, List<RenderedCard.PrintedText> texts) {
    double bx0 = Double.MAX_VALUE;
    double by0 = Double.MAX_VALUE;
    double bx1 = -Double.MAX_VALUE;
    double by1 = -Double.MAX_VALUE;
    for (TextBox.Vertex v : box.corners()) {
      bx0 = Math.min(bx0, v.x());
      by0 = Math.min(by0, v.y());
      bx1 = Math.max(bx1, v.x());
      by1 = Math.max(by1, v.y());
    }
    double slack = 3;
    List<RenderedCard.PrintedText> inside = new ArrayList<>();
    for (RenderedCard.PrintedText t : texts) {
      Rectangle r = t.box();
      double ox = overlap(r.x, r.x + r.width, bx0 - slack, bx1 + slack);
      double oy = overlap(r.y, r.y + r.height, by0 - slack, by1 + slack);
      if (ox <= 0 || oy <= 0 || r.width == 0 || r.height == 0) {
        continue;
      }
      double fx = ox / r.width;
      double fy = oy / r.height;
      if (fy < 0.5) {
        if (fx > 0.3 && fy > 0.25) {
          return null; // half of another row's ink is in the box
        }
        continue;
      }
      if (fx < 0.9) {
        return null; // the box cuts this string
      }
      inside.add(t);
    }
    if (inside.isEmpty()) {
      return null;
    }
    inside.sort(Comparator.comparingInt(t -> t.box().x));
    double top = -Double.MAX_VALUE;
    double bottom = Double.MAX_VALUE;
    double ux0 = Double.MAX_VALUE;
    double ux1 = -Double.MAX_VALUE;
    StringBuilder text = new StringBuilder();
    Rectangle previous = null;
    for (RenderedCard.PrintedText t : inside) {
      Rectangle r = t.box();
      top = Math.max(top, r.y);
      bottom = Math.min(bottom, r.y + r.height);
      ux0 = Math.min(ux0, r.x);
      ux1 = Math.max(ux1, r.x + r.width);
      if (previous != null) {
        // A space where the gap looks like one: a colon set close to its value has none.
        double gap = r.x - (previous.x + previous.width);
        if (gap > SPACE_GAP * Math.max(r.height, previous.height)) {
          text.append(' ');
        }
      }
      text.append(t.text());
      previous = r;
    }
    double lineHeight = by1 - by0;
    if (bottom <= top // strings of two rows
        || bx0 < ux0 - 0.8 * lineHeight
        || bx1 > ux1 + 0.8 * lineHeight) {
      return null;
    }
    return text.toString();
  }

  private static double overlap(double a0, double a1, double b0, double b1) {
    return Math.min(a1, b1) - Math.max(a0, b0);
  }

  /** Writes the lines of cards {@code 0..n-1}; returns the number of lines. */
  long write(OcrModels models, int n, long seed, Path out, int height, int threads)
      throws Exception {
    return write(models, n, seed, out, height, threads, 0, 1, false);
  }

  /**
   * Writes the lines of the cards {@code i < n} with {@code i % parts == part} (with {@code parts}
   * 1, all of them), {@code threads} threads each taking every {@code threads}-th of those into
   * {@code part-<j>.bin}, {@code j = part + parts * thread}. Several processes with the same {@code
   * parts} and different {@code part}s together write what one process would, file for file.
   */
  long write(
      OcrModels models,
      int n,
      long seed,
      Path out,
      int height,
      int threads,
      int part,
      int parts,
      boolean namesOnly)
      throws Exception {
    Files.createDirectories(out);
    AtomicLong count = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int stride = threads * parts;
    try {
      List<Future<?>> files = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int file = part + parts * k;
        files.add(
            pool.submit(
                () -> {
                  try (OcrSession session = models.newSession();
                      OutputStream stream =
                          Files.newOutputStream(out.resolve("part-" + file + ".bin"));
                      DataOutputStream data =
                          new DataOutputStream(new BufferedOutputStream(stream))) {
                    for (int i = file; i < n; i += stride) {
                      for (Line line : lines(session, seed, i, height, namesOnly)) {
                        byte[] label = line.text().getBytes(StandardCharsets.UTF_8);
                        data.writeInt(line.width());
                        data.writeInt(line.height());
                        data.writeShort(label.length);
                        data.write(label);
                        data.write(line.grey());
                        count.incrementAndGet();
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : files) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return count.get();
  }

  public static void main(String[] args) throws Exception {
    int n = 1000;
    long seed = 9001;
    int height = 32;
    int threads = 2;
    int part = 0;
    int parts = 1;
    boolean namesOnly = false;
    Path out = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--n" -> n = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--height" -> height = Integer.parseInt(args[++i]);
          case "--threads" -> threads = Integer.parseInt(args[++i]);
          case "--names-only" -> namesOnly = true;
          case "--part" -> {
            String[] kn = args[++i].split("/");
            part = Integer.parseInt(kn[0]);
            parts = Integer.parseInt(kn[1]);
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (out == null || n < 1 || height < 8 || threads < 1 || part < 0 || part >= parts) {
        throw new IllegalArgumentException(
            "--out is required; --n, --height, --threads positive; --part K/N with K < N");
      }
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: LineSet --n CARDS --seed S --out DIR [--height 32] [--threads 2] [--part K/N]"
              + " [--names-only]");
      System.exit(2);
      return;
    }
    CardFonts.refuseIfMissing("LineSet");
    long start = System.nanoTime();
    // Detection only: the stock recogniser is loaded but not used, so no trained model is needed.
    OcrModels.Config config =
        OcrModels.Config.defaults().withRecognizer(OcrModels.Recognizer.PPOCR_V4);
    try (OcrModels models = OcrModels.load(config)) {
      long lines =
          new LineSet(AreaDirectory.load())
              .write(models, n, seed, out, height, threads, part, parts, namesOnly);
      System.out.printf(
          "wrote %d lines of %d cards (part %d/%d, seed %d, height %d) to %s in %.1f s%n",
          lines, n, part, parts, seed, height, out, (System.nanoTime() - start) / 1e9);
    }
  }
}
