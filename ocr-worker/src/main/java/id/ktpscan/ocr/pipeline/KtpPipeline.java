package id.ktpscan.ocr.pipeline;

import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.card.QualityGate;
import id.ktpscan.ocr.engine.OcrModels;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The e-KTP reading pipeline, loaded once per process: the OCR models, the area directory and the
 * quality thresholds. Reading happens in {@link CardReader}s, one per thread (a DJL predictor is
 * not thread-safe).
 */
public final class KtpPipeline implements AutoCloseable {

  /** Settings of the pipeline. */
  public record Options(OcrModels.Config models, QualityGate.Thresholds quality, int maxSide) {

    public static Options defaults() {
      return new Options(OcrModels.Config.defaults(), QualityGate.Thresholds.defaults(), 2000);
    }
  }

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
    return newReader(new PaddleTextSource(models.newSession()));
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
