package id.ktpscan.ocr.engine;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Detection and recognition for one worker thread. Not thread-safe: it holds one DJL predictor per
 * model, and predictors keep per-call state. Take one per thread from {@link OcrModels}.
 */
public final class OcrSession implements AutoCloseable {

  private final Predictor<FloatTensor, FloatTensor> detPredictor;
  private final Predictor<FloatTensor, FloatTensor> recPredictor;
  private final TextDetector detector;
  private final TextRecognizer recognizer;

  OcrSession(
      ZooModel<FloatTensor, FloatTensor> detModel,
      ZooModel<FloatTensor, FloatTensor> recModel,
      List<String> labels,
      TextDetector.Options detOptions,
      TextRecognizer.Options recOptions) {
    this.detPredictor = detModel.newPredictor();
    this.recPredictor = recModel.newPredictor();
    this.detector = new TextDetector(detPredictor, detOptions);
    this.recognizer = new TextRecognizer(recPredictor, labels, recOptions);
  }

  /** Text line boxes in reading order; {@code image} is BGR (grey and BGRA are converted). */
  public List<TextBox> detect(Mat image) {
    Mat bgr = toBgr(image);
    try {
      return detector.detect(bgr);
    } finally {
      releaseIfCopy(bgr, image);
    }
  }

  /** Reads each box; the result has one line per box, in the same order. */
  public List<TextLine> recognize(Mat image, List<TextBox> boxes) {
    Mat bgr = toBgr(image);
    try {
      return recognizer.recognize(bgr, boxes);
    } finally {
      releaseIfCopy(bgr, image);
    }
  }

  /**
   * The straightened line image the recogniser sees for {@code box} ({@code height} rows, BGR,
   * owned by the caller): what a recogniser's training lines are cut as.
   */
  public Mat lineImage(Mat image, TextBox box, int height, int maxWidth) {
    Mat bgr = toBgr(image);
    try {
      LineCrop crop = LineCrop.of(bgr, box, height, maxWidth);
      return crop.image();
    } finally {
      releaseIfCopy(bgr, image);
    }
  }

  /** Detects and reads all lines; lines that read as nothing are dropped. */
  public List<TextLine> readLines(Mat image) {
    Mat bgr = toBgr(image);
    try {
      return recognizer.recognize(bgr, detector.detect(bgr)).stream()
          .filter(line -> !line.text().isBlank())
          .toList();
    } finally {
      releaseIfCopy(bgr, image);
    }
  }

  @Override
  public void close() {
    try {
      recPredictor.close();
    } finally {
      detPredictor.close();
    }
  }

  private static Mat toBgr(Mat image) {
    int channels = image.channels();
    if (channels == 3) {
      return image;
    }
    Mat bgr = new Mat();
    int code = channels == 1 ? Imgproc.COLOR_GRAY2BGR : Imgproc.COLOR_BGRA2BGR;
    Imgproc.cvtColor(image, bgr, code);
    return bgr;
  }

  private static void releaseIfCopy(Mat bgr, Mat original) {
    if (bgr != original) {
      bgr.release();
    }
  }
}
