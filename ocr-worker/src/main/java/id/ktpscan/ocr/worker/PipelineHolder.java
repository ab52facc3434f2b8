package id.ktpscan.ocr.worker;

import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.pipeline.CardReader;
import id.ktpscan.ocr.pipeline.KtpPipeline;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the OCR pipeline once, in the background at startup, and hands each worker thread its own
 * {@link CardReader} (a DJL predictor is not thread-safe). Readiness stays DOWN until the models
 * are loaded.
 */
@ApplicationScoped
public class PipelineHolder {

  private static final Logger LOG = Logger.getLogger(PipelineHolder.class);

  private final int intraOpThreads;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final List<CardReader> readers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<CardReader> perThread = new ThreadLocal<>();
  private volatile KtpPipeline pipeline;
  private volatile Throwable failure;

  private final OcrModels.Recognizer recognizer;

  public PipelineHolder(
      @ConfigProperty(name = "ktp.ocr.intra-op-threads") int intraOpThreads,
      @ConfigProperty(name = "ktp.ocr.recognizer") OcrModels.Recognizer recognizer) {
    this.intraOpThreads = intraOpThreads;
    this.recognizer = recognizer;
  }

  void start(@Observes StartupEvent event) {
    Thread loader = new Thread(this::load, "ocr-model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  private void load() {
    long start = System.nanoTime();
    try {
      pipeline =
          KtpPipeline.load(
              KtpPipeline.Options.defaults()
                  .withThreads(intraOpThreads)
                  .withRecognizer(recognizer));
      LOG.infof("OCR models loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
    } catch (Throwable e) {
      failure = e;
      LOG.error("OCR models could not be loaded; the worker stays not ready", e);
    } finally {
      loaded.countDown();
    }
  }

  public boolean ready() {
    return pipeline != null;
  }

  /** Why loading failed, or null. */
  public Throwable failure() {
    return failure;
  }

  /** The calling thread's reader, waiting for the models when they are still loading. */
  public CardReader reader(Duration wait) throws InterruptedException {
    CardReader reader = perThread.get();
    if (reader != null) {
      return reader;
    }
    if (!loaded.await(wait.toMillis(), TimeUnit.MILLISECONDS) || pipeline == null) {
      throw new IllegalStateException("OCR models are not loaded");
    }
    reader = pipeline.newReader();
    perThread.set(reader);
    readers.add(reader);
    return reader;
  }

  void stop(@Observes ShutdownEvent event) {
    readers.forEach(CardReader::close);
    if (pipeline != null) {
      pipeline.close();
    }
  }
}
