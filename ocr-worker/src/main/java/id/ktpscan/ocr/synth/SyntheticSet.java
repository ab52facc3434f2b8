package id.ktpscan.ocr.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.ocr.area.AreaDirectory;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A labelled photo set for benchmarks and training: for each sample {@code <name>.jpg}, its ground
 * truth {@code <name>.json} and the flat card {@code clean/<name>.png}. Every sample is a function
 * of (set seed, index) alone, so a set is reproducible byte for byte and can be generated in
 * parallel or extended without changing the samples already made.
 */
public final class SyntheticSet {

  /** The outcome a reader should give for a positive sample. */
  public static final String EXTRACTED = "EXTRACTED";

  /** The outcome for a negative sample. */
  public static final String RETRY_REQUIRED = "RETRY_REQUIRED";

  /** EASY, MEDIUM, HARD per block of 20 samples: 35 %, 30 %, 35 %. */
  private static final int[] MIX = {7, 6, 7};

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One sample's ground truth as read back.
   *
   * @param corners card corners in the photo (TL, TR, BR, BL of the card), each {x, y}
   * @param reason the refusal reason for a negative, null for a positive
   * @param fields the card's 17 values; empty when the photo shows no e-KTP
   */
  public record Sample(
      String name,
      Path image,
      Path clean,
      long seed,
      int index,
      Difficulty difficulty,
      List<String> effects,
      double rotation,
      int width,
      int height,
      List<double[]> corners,
      String outcome,
      RetryReason reason,
      Map<KtpField, String> fields) {

    public boolean positive() {
      return reason == null;
    }
  }

  /** What {@link #generate} made. */
  public record Summary(
      Path dir, Map<Difficulty, Integer> positives, int negatives, long elapsedMillis) {

    public int total() {
      return positives.values().stream().mapToInt(Integer::intValue).sum() + negatives;
    }

    @Override
    public String toString() {
      return String.format(
          "wrote %d photos (%d easy, %d medium, %d hard) + %d negatives to %s in %.1f s",
          total() - negatives,
          positives.get(Difficulty.EASY),
          positives.get(Difficulty.MEDIUM),
          positives.get(Difficulty.HARD),
          negatives,
          dir,
          elapsedMillis / 1000.0);
    }
  }

  private final IdentityGenerator identities;
  private final CardRenderer renderer = new CardRenderer();
  private final PhotoMaker photos = new PhotoMaker();
  private final NegativeMaker negatives = new NegativeMaker();

  public SyntheticSet(AreaDirectory areas) {
    this.identities = new IdentityGenerator(areas);
  }

  /**
   * Writes {@code n} positive samples, and with {@code withNegatives} a quarter as many negatives
   * (at least one per reason), into {@code outDir}.
   */
  public static Summary generate(int n, long seed, Path outDir, boolean withNegatives)
      throws IOException {
    return new SyntheticSet(AreaDirectory.load()).write(n, seed, outDir, withNegatives);
  }

  /** As {@link #generate}, with this set's area directory. */
  public Summary write(int n, long seed, Path outDir, boolean withNegatives) throws IOException {
    return write(n, seed, outDir, withNegatives ? defaultNegatives(n) : 0);
  }

  /** The default number of negatives next to {@code n} positives: a quarter, one per reason. */
  public static int defaultNegatives(int n) {
    return Math.max(NegativeMaker.REASONS.size(), (n + 3) / 4);
  }

  /**
   * Writes {@code n} positive samples and {@code negativeCount} negatives (the reasons in turn):
   * sample {@code i} of either kind is the same whatever the counts.
   */
  public Summary write(int n, long seed, Path outDir, int negativeCount) throws IOException {
    if (n < 0 || negativeCount < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    long start = System.nanoTime();
    Files.createDirectories(outDir.resolve("clean"));
    Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
    for (Difficulty d : Difficulty.values()) {
      counts.put(d, 0);
    }
    List<Runnable> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      Difficulty difficulty = difficulty(seed, i);
      counts.merge(difficulty, 1, Integer::sum);
      jobs.add(() -> positive(seed, index, difficulty, outDir));
    }
    for (int j = 0; j < negativeCount; j++) {
      int index = j;
      jobs.add(() -> negative(seed, index, outDir));
    }
    runAll(jobs);
    return new Summary(outDir, counts, negativeCount, (System.nanoTime() - start) / 1_000_000);
  }

  /** The difficulty of sample {@code i}: a fixed mix per block of 20, shuffled by the seed. */
  static Difficulty difficulty(long seed, int i) {
    List<Difficulty> block = new ArrayList<>(20);
    for (Difficulty d : Difficulty.values()) {
      block.addAll(Collections.nCopies(MIX[d.ordinal()], d));
    }
    Collections.shuffle(block, new Random(sampleSeed(seed, 2, i / 20)));
    return block.get(i % 20);
  }

  /** The seed of one sample: positives, negatives and block shuffles draw from separate streams. */
  static long sampleSeed(long seed, int stream, int index) {
    return Draw.mix(seed * 1_000_003L + index + stream * 0x9E3779B97F4A7C15L);
  }

  private void positive(long seed, int index, Difficulty difficulty, Path outDir) {
    Positive positive = positive(seed, index, difficulty);
    String name = String.format("ktp-%05d", index);
    write(outDir, name, seed, index, positive.photo(), null, positive.identity(), positive.card());
  }

  /** A positive sample: its identity, flat render and photo. */
  public record Positive(Identity identity, RenderedCard card, Photo photo) {}

  /**
   * Positive sample {@code index} of a set written with {@code seed}, made alone: the same photo as
   * in the written set (whatever its counts).
   */
  public Positive positive(long seed, int index) {
    return positive(seed, index, difficulty(seed, index));
  }

  private Positive positive(long seed, int index, Difficulty difficulty) {
    Random rnd = new Random(sampleSeed(seed, 0, index));
    Identity identity = identities.next(rnd);
    RenderedCard card = renderer.render(identity, rnd);
    return new Positive(identity, card, photos.make(card, difficulty, rnd));
  }

  private void negative(long seed, int index, Path outDir) {
    Drawn drawn = drawNegative(seed, index);
    RetryReason reason = drawn.negative().reason();
    String name =
        String.format("neg-%s-%05d", reason.name().toLowerCase(java.util.Locale.ROOT), index);
    write(
        outDir,
        name,
        seed,
        index,
        drawn.negative().photo(),
        reason,
        drawn.negative().showsKtp() ? drawn.identity() : null,
        drawn.negative().card());
  }

  /** A positive sample's identity and its flat render (the {@code clean/} image). */
  public record Flat(Identity identity, RenderedCard card) {}

  /**
   * The flat render of positive sample {@code index} of a set written with {@code seed}, made
   * alone: the same card as in the written set (whatever its counts).
   */
  public Flat flat(long seed, int index) {
    Random rnd = new Random(sampleSeed(seed, 0, index));
    Identity identity = identities.next(rnd);
    return new Flat(identity, renderer.render(identity, rnd));
  }

  /**
   * Negative {@code index} of a set written with {@code seed}, made alone: the same photo as in the
   * written set (whatever its counts), without making the others first.
   */
  public NegativeMaker.Negative negative(long seed, int index) {
    return drawNegative(seed, index).negative();
  }

  private record Drawn(Identity identity, NegativeMaker.Negative negative) {}

  private Drawn drawNegative(long seed, int index) {
    Random rnd = new Random(sampleSeed(seed, 1, index));
    RetryReason reason = NegativeMaker.REASONS.get(index % NegativeMaker.REASONS.size());
    Identity identity = identities.next(rnd);
    return new Drawn(identity, negatives.make(reason, identity, rnd));
  }

  private static void write(
      Path dir,
      String name,
      long seed,
      int index,
      Photo photo,
      RetryReason reason,
      Identity identity,
      RenderedCard card) {
    try {
      Files.write(dir.resolve(name + ".jpg"), photo.jpeg());
      if (card != null) {
        org.opencv.core.Mat flat = OpenCv.toMat(card.image());
        Files.write(dir.resolve("clean").resolve(name + ".png"), OpenCv.png(flat));
        flat.release();
      }
      Files.write(
          dir.resolve(name + ".json"),
          JSON.writeValueAsBytes(truth(name, seed, index, photo, reason, identity, card)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> truth(
      String name,
      long seed,
      int index,
      Photo photo,
      RetryReason reason,
      Identity identity,
      RenderedCard card) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("seed", seed);
    json.put("index", index);
    json.put("difficulty", photo.difficulty().name());
    json.put("effects", photo.effects());
    json.put("rotation", photo.rotation());
    json.put("width", photo.width());
    json.put("height", photo.height());
    List<double[]> corners = new ArrayList<>();
    for (Point2D.Double p : photo.corners()) {
      corners.add(new double[] {round(p.x), round(p.y)});
    }
    json.put("corners", corners);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("outcome", reason == null ? EXTRACTED : RETRY_REQUIRED);
    expected.put("reason", reason == null ? null : reason.name());
    json.put("expected", expected);
    Map<String, String> fields = new LinkedHashMap<>();
    if (identity != null) {
      for (KtpField field : KtpField.values()) {
        fields.put(field.wireName(), identity.get(field));
      }
    }
    json.put("fields", fields);
    if (identity != null) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("issueCity", identity.issueCity());
      extra.put("issueDate", identity.issueDate().toString());
      extra.put("villageCode", identity.villageCode());
      Map<String, int[]> boxes = new LinkedHashMap<>();
      for (Map.Entry<KtpField, Rectangle> box : card.boxes().entrySet()) {
        Rectangle r = box.getValue();
        boxes.put(box.getKey().wireName(), new int[] {r.x, r.y, r.width, r.height});
      }
      extra.put("boxes", boxes);
      json.put("card", extra);
    }
    return json;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void runAll(List<Runnable> jobs) throws IOException {
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable job : jobs) {
        futures.add(pool.submit(job));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("a sample failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads back every sample's ground truth in {@code dir}, ordered by name. */
  public static List<Sample> read(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Sample> samples = new ArrayList<>(files.size());
    for (Path file : files) {
      samples.add(sample(dir, JSON.readTree(file.toFile())));
    }
    return samples;
  }

  private static Sample sample(Path dir, JsonNode json) {
    String name = json.get("name").asText();
    List<String> effects = new ArrayList<>();
    json.get("effects").forEach(e -> effects.add(e.asText()));
    List<double[]> corners = new ArrayList<>();
    json.get("corners")
        .forEach(c -> corners.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()}));
    JsonNode expected = json.get("expected");
    JsonNode reason = expected.get("reason");
    Map<KtpField, String> fields = new EnumMap<>(KtpField.class);
    for (Map.Entry<String, JsonNode> field : json.get("fields").properties()) {
      fields.put(KtpField.fromWireName(field.getKey()), field.getValue().asText());
    }
    Path clean = dir.resolve("clean").resolve(name + ".png");
    return new Sample(
        name,
        dir.resolve(name + ".jpg"),
        Files.exists(clean) ? clean : null,
        json.get("seed").asLong(),
        json.get("index").asInt(),
        Difficulty.valueOf(json.get("difficulty").asText()),
        List.copyOf(effects),
        json.get("rotation").asDouble(),
        json.get("width").asInt(),
        json.get("height").asInt(),
        List.copyOf(corners),
        expected.get("outcome").asText(),
        reason == null || reason.isNull() ? null : RetryReason.valueOf(reason.asText()),
        fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(fields));
  }
}
