package id.ktpscan.ocr.pipeline;

import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.card.QualityGate;
import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.engine.OcrSession;
import id.ktpscan.ocr.engine.TextDetector;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The e-KTP reading pipeline, loaded once per process: the OCR models, the area directory and the
 * quality thresholds. Reading happens in {@link CardReader}s, one per thread (a DJL predictor is
 * not thread-safe).
 */
public final class KtpPipeline implements AutoCloseable {

  /**
   * Settings of the pipeline.
   *
   * @param models which models and how many ONNX Runtime threads per call
   * @param quality the quality gate's thresholds
   * @param maxSide photos are scaled down to this longest side before anything else
   * @param detectSide the rectified card (1000 px wide) is scaled to this longest side for text
   *     detection; text stays well above the detector's minimum height at 736
   */
  public record Options(
      OcrModels.Config models, QualityGate.Thresholds quality, int maxSide, int detectSide) {

    public static Options defaults() {
      return new Options(
          OcrModels.Config.defaults(), QualityGate.Thresholds.defaults(), 2000, DETECT_SIDE);
    }

    public Options withThreads(int threads) {
      return new Options(models.withThreads(threads), quality, maxSide, detectSide);
    }

    public Options withRecognizer(OcrModels.Recognizer recognizer) {
      return new Options(models.withRecognizer(recognizer), quality, maxSide, detectSide);
    }

    /** Another bundled name checker, or {@code null} for none. */
    public Options withChecker(OcrModels.Recognizer checker) {
      return new Options(models.withChecker(checker), quality, maxSide, detectSide);
    }

    public Options withDetectSide(int side) {
      return new Options(models, quality, maxSide, side);
    }
  }

  static final int DETECT_SIDE = Integer.getInteger("ktp.ocr.detect-side", 960);

  private final OcrModels models;
  private final AreaDirectory areas;
  private final Options options;
  private final Clock clock;

  private KtpPipeline(OcrModels models, AreaDirectory areas, Options options, Clock clock) {
    this.models = models;
    this.areas = areas;
    this.options = options;
    this.clock = clock;
  }

  public static KtpPipeline load(Options options) throws IOException {
    OpenCvLoader.load();
    AreaDirectory areas = AreaDirectory.load();
    OcrModels models = OcrModels.load(options.models());
    return new KtpPipeline(models, areas, options, Clock.systemUTC());
  }

  /** A reader for the calling thread; close it when the thread is done. */
  public CardReader newReader() {
    return newReader(newTextSource());
  }

  /** The pipeline's own engine for one thread: PP-OCR detection, the recogniser, its checker. */
  TextSource newTextSource() {
    TextDetector.Options det = TextDetector.Options.DEFAULTS;
    det =
        new TextDetector.Options(
            options.detectSide(),
            det.binaryThreshold(),
            det.boxThreshold(),
            det.unclipRatio(),
            det.minSize(),
            det.maxCandidates());
    OcrSession session = models.newSession(det, models.recognizerOptions());
    try {
      return new PaddleTextSource(
          session,
          models.recognizer().secondViewStretch(),
          models.recognizer().thirdViewStretch(),
          models.newCheckerSession(det).orElse(null),
          models.recognizer().nameConfidenceFloor());
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** A reader with another text engine (the benchmark's baseline), same layout and checks. */
  public CardReader newReader(TextSource text) {
    return new CardReader(
        text,
        areas,
        new QualityGate(options.quality()),
        options.maxSide(),
        LocalDate.now(clock).getYear());
  }

  public AreaDirectory areas() {
    return areas;
  }

  @Override
  public void close() {
    models.close();
  }
}
