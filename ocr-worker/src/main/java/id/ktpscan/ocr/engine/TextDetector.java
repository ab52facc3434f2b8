package id.ktpscan.ocr.engine;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds text lines with the PP-OCR DB detector; one instance per {@link OcrSession}, because it
 * holds a predictor.
 */
public final class TextDetector {

  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};
  private static final int STRIDE = 32;

  /**
   * Detector settings; the defaults are PaddleOCR's.
   *
   * @param maxSide longest side of the detector input; larger images are scaled down
   * @param binaryThreshold probability above which a pixel counts as text
   * @param boxThreshold mean probability a box needs to be kept
   * @param unclipRatio how far a box grows back out (area × ratio / perimeter)
   * @param minSize shortest side, in detector pixels, a box needs to be kept
   * @param maxCandidates most contours looked at
   */
  public record Options(
      int maxSide,
      double binaryThreshold,
      double boxThreshold,
      double unclipRatio,
      double minSize,
      int maxCandidates) {

    public static final Options DEFAULTS = new Options(960, 0.3, 0.6, 1.5, 3, 1000);

    public Options {
      if (maxSide < STRIDE) {
        throw new IllegalArgumentException("maxSide must be at least " + STRIDE);
      }
    }
  }

  private final Predictor<FloatTensor, FloatTensor> predictor;
  private final Options options;
  private final DbPostProcessor postProcessor;

  TextDetector(Predictor<FloatTensor, FloatTensor> predictor, Options options) {
    this.predictor = predictor;
    this.options = options;
    this.postProcessor = new DbPostProcessor(options);
  }

  /** Text lines in {@code bgr}, top to bottom and, within a row, left to right. */
  public List<TextBox> detect(Mat bgr) {
    Size input = inputSize(bgr.cols(), bgr.rows(), options.maxSide());
    Mat resized = new Mat();
    FloatTensor tensor;
    try {
      Imgproc.resize(bgr, resized, input, 0, 0, Imgproc.INTER_LINEAR);
      tensor = toTensor(resized);
    } finally {
      resized.release();
    }
    FloatTensor probabilities;
    try {
      probabilities = predictor.predict(tensor);
    } catch (TranslateException e) {
      throw new OcrEngineException("text detection failed", e);
    }
    return readingOrder(postProcessor.boxes(probabilities, bgr.cols(), bgr.rows()));
  }

  /** Scales the long side down to {@code maxSide}, then rounds both sides to multiples of 32. */
  static Size inputSize(int width, int height, int maxSide) {
    double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
    return new Size(roundToStride(width * scale), roundToStride(height * scale));
  }

  private static int roundToStride(double side) {
    return Math.max(STRIDE, (int) Math.round(side / STRIDE) * STRIDE);
  }

  /**
   * NCHW input normalised with ImageNet mean and std. Channels stay in OpenCV's BGR order:
   * PaddleOCR decodes images with OpenCV and applies the mean/std lists to them unchanged, so BGR
   * is what the models were trained on.
   */
  static FloatTensor toTensor(Mat bgr) {
    int height = bgr.rows();
    int width = bgr.cols();
    int plane = height * width;
    byte[] pixels = new byte[plane * 3];
    bgr.get(0, 0, pixels);
    float[] data = new float[plane * 3];
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        data[c * plane + i] = ((pixels[i * 3 + c] & 0xFF) / 255f - MEAN[c]) / STD[c];
      }
    }
    return new FloatTensor(data, new long[] {1, 3, height, width});
  }

  /** Rows by centre height (a box joins a row when its centre is within half the row's height). */
  static List<TextBox> readingOrder(List<TextBox> boxes) {
    List<TextBox> byY = new ArrayList<>(boxes);
    byY.sort(Comparator.comparingDouble(TextBox::centerY));
    List<TextBox> ordered = new ArrayList<>(boxes.size());
    List<TextBox> row = new ArrayList<>();
    for (TextBox box : byY) {
      if (!row.isEmpty() && box.centerY() - row.get(0).centerY() > row.get(0).height() / 2) {
        flushRow(row, ordered);
      }
      row.add(box);
    }
    flushRow(row, ordered);
    return ordered;
  }

  private static void flushRow(List<TextBox> row, List<TextBox> ordered) {
    row.sort(Comparator.comparingDouble(TextBox::centerX));
    ordered.addAll(row);
    row.clear();
  }
}
