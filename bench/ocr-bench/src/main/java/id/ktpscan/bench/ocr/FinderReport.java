package id.ktpscan.bench.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ktpscan.ocr.card.CardFinder;
import id.ktpscan.ocr.card.QualityGate;
import id.ktpscan.ocr.card.Rectifier;
import id.ktpscan.ocr.pipeline.CardReader;
import id.ktpscan.ocr.pipeline.OpenCvLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * What the card finder sees in a generated set's negatives: {@code FinderReport DIR [MAX_WIDTH]}.
 *
 * <p>For each negative photo of {@code DIR} (as {@code SynthCli} writes it, e.g. {@code --n 0
 * --negatives}): the reason it was made for, the score and width of the whole-photo search's quad
 * ({@link CardFinder#find}), and those of the tiled search for a small card ({@link
 * CardFinder#findSmall}, quads narrower than {@code MAX_WIDTH}, default 300 px: the quality gate's
 * minimum) with the quality gate's sharpness on it (under {@link CardReader#NO_PRINT_SHARPNESS} it
 * bears no print, and the scan does not take it for a card), the photo's sharpness ({@link
 * QualityGate#photoSharpness}), and the score of the most card-like quad on a 200-px copy ({@link
 * CardFinder#blurredCard}) with its proportions and what the gate, measuring it on the photo,
 * blocks it for. Then, per reason, how many photos the tiled search found a small card in (and one
 * bearing print), the range of the small copy's score over the photos measured out of focus (under
 * {@link QualityGate#MIN_PHOTO_SHARPNESS}), and the median time of the tiled search. It reads no
 * text, so it runs in a fraction of the benchmark's time.
 */
public final class FinderReport {

  private FinderReport() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: FinderReport DIR [MAX_WIDTH]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    double maxWidth = args.length > 1 ? Double.parseDouble(args[1]) : 300;
    OpenCvLoader.load();
    ObjectMapper json = new ObjectMapper();
    CardFinder finder = new CardFinder();
    Map<String, int[]> perReason = new TreeMap<>();
    Map<String, double[]> blurredRange = new TreeMap<>();
    List<Double> smallMs = new ArrayList<>();
    System.out.println(
        "photo\treason made for\twhole-photo quad\tsmall card in a tile\tits print (gate"
            + " sharpness)\tsharpness\tsmall-copy score\tsmall-copy quad");
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode truth = json.readTree(p.toFile());
        String reason = truth.path("expected").path("reason").asText("");
        if (reason.isEmpty()) {
          continue; // a positive
        }
        String name = truth.path("name").asText();
        Mat photo = Imgcodecs.imread(dir.resolve(name + ".jpg").toString());
        try {
          Optional<CardFinder.Quad> whole = finder.find(photo);
          long start = System.nanoTime();
          Optional<CardFinder.Quad> small = finder.findSmall(photo, maxWidth);
          smallMs.add((System.nanoTime() - start) / 1e6);
          double sharpness = QualityGate.photoSharpness(photo);
          Optional<CardFinder.Quad> blurredCard = finder.blurredCard(photo);
          double blurred = blurredCard.map(CardFinder.Quad::score).orElse(0.0);
          // What the quality gate measures on the small card, and on the small copy's quad.
          Optional<QualityGate.Verdict> smallVerdict = small.map(q -> gate(photo, q));
          boolean prints =
              smallVerdict.isPresent()
                  && smallVerdict.get().measures().sharpness() >= CardReader.NO_PRINT_SHARPNESS;
          System.out.printf(
              Locale.ROOT,
              "%s\t%s\t%s\t%s\t%s\t%.3f\t%.2f\t%s%n",
              name,
              reason,
              describe(whole),
              describe(small),
              smallVerdict
                  .map(v -> String.format(Locale.ROOT, "%.2f", v.measures().sharpness()))
                  .orElse("-"),
              sharpness,
              blurred,
              blurredCard
                  .map(
                      q ->
                          String.format(
                              Locale.ROOT,
                              "%.2f long for 1 high, gate %s",
                              q.width() / q.height(),
                              gate(photo, q).blocking()))
                  .orElse("-"));
          if (sharpness < QualityGate.MIN_PHOTO_SHARPNESS) {
            double[] range =
                blurredRange.computeIfAbsent(reason, r -> new double[] {Double.MAX_VALUE, 0, 0});
            range[0] = Math.min(range[0], blurred);
            range[1] = Math.max(range[1], blurred);
            range[2]++;
          }
          int[] counts = perReason.computeIfAbsent(reason, r -> new int[3]);
          counts[0]++;
          counts[1] += small.isPresent() ? 1 : 0;
          counts[2] += prints ? 1 : 0;
        } finally {
          photo.release();
        }
      }
    }
    System.out.println();
    perReason.forEach(
        (reason, counts) ->
            System.out.printf(
                Locale.ROOT,
                "%s: a small card found in %d of %d photos, bearing print in %d%n",
                reason,
                counts[1],
                counts[0],
                counts[2]));
    blurredRange.forEach(
        (reason, range) ->
            System.out.printf(
                Locale.ROOT,
                "%s: small-copy score %.2f to %.2f over the %.0f photos of sharpness under %.2f%n",
                reason,
                range[0],
                range[1],
                range[2],
                QualityGate.MIN_PHOTO_SHARPNESS));
    if (!smallMs.isEmpty()) {
      Collections.sort(smallMs);
      System.out.printf(
          Locale.ROOT,
          "tiled search: median %.0f ms per photo (%d photos, the first ones warming up)%n",
          smallMs.get(smallMs.size() / 2),
          smallMs.size());
    }
  }

  private static final QualityGate GATE = new QualityGate(QualityGate.Thresholds.defaults());

  /** The quality gate's verdict on {@code quad}, rectified from {@code photo} as a scan does. */
  private static QualityGate.Verdict gate(Mat photo, CardFinder.Quad quad) {
    Mat card = new Rectifier().rectify(photo, quad.corners()).card();
    try {
      return GATE.check(photo, quad.corners(), card);
    } finally {
      card.release();
    }
  }

  private static String describe(Optional<CardFinder.Quad> quad) {
    return quad.map(
            q -> String.format(Locale.ROOT, "score %.3f, %.0f px wide", q.score(), q.width()))
        .orElse("-");
  }
}
