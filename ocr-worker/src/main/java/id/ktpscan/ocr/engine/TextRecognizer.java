package id.ktpscan.ocr.engine;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Reads text boxes with the PP-OCR CTC recogniser; one instance per {@link OcrSession}, because it
 * holds a predictor.
 *
 * <p>Batching is possible (lines sorted by width, each padded with its own background colour, its
 * output steps beyond its own width ignored) but off by default: on CPU, in a development
 * measurement (harness not kept in the repository), batches of 8 read the same text but cost more
 * time per line than one line at a time, because every line pays for the widest one's columns.
 */
public final class TextRecognizer {

  private static final int WIDTH_MULTIPLE = 8;
  private static final int MIN_INPUT_WIDTH = 32;

  /**
   * Recogniser settings.
   *
   * @param height input height the model was trained for (48 for PP-OCRv3/v4)
   * @param maxWidth longest crop; longer lines are squeezed to it
   * @param batchSize lines per inference; 1 is fastest on CPU
   * @param spaceProbability space-class probability between two characters that makes a space
   * @param minGapRatio empty-ink gap, relative to the height of the text band, that makes a space;
   *     0 turns the ink-gap signal off
   * @param edgePad background columns added on each side of a line, relative to its height: a
   *     narrow letter at a box's very edge ({@code I}) gets room to be emitted
   * @param widthScale horizontal stretch of every line after it is scaled to {@code height}: a
   *     model with a coarse horizontal stride gets more steps per narrow letter ({@code III})
   */
  public record Options(
      int height,
      int maxWidth,
      int batchSize,
      double spaceProbability,
      double minGapRatio,
      double edgePad,
      double widthScale,
      boolean darkInk) {

    public static final Options DEFAULTS =
        new Options(48, 1280, 1, CtcDecoder.DEFAULT_SPACE_PROBABILITY, 0.4, 0, 1.0, false);

    public Options {
      if (height < 8
          || maxWidth < MIN_INPUT_WIDTH
          || batchSize < 1
          || edgePad < 0
          || !(widthScale >= 0.5 && widthScale <= 3)) {
        throw new IllegalArgumentException("bad recogniser options");
      }
    }

    public Options withHeight(int rows) {
      return new Options(
          rows, maxWidth, batchSize, spaceProbability, minGapRatio, edgePad, widthScale, darkInk);
    }

    public Options withBatchSize(int size) {
      return new Options(
          height, maxWidth, size, spaceProbability, minGapRatio, edgePad, widthScale, darkInk);
    }

    public Options withSpaceSignals(double probability, double gapRatio) {
      return new Options(
          height, maxWidth, batchSize, probability, gapRatio, edgePad, widthScale, darkInk);
    }

    public Options withEdgePad(double ratio) {
      return new Options(
          height, maxWidth, batchSize, spaceProbability, minGapRatio, ratio, widthScale, darkInk);
    }

    public Options withWidthScale(double scale) {
      return new Options(
          height, maxWidth, batchSize, spaceProbability, minGapRatio, edgePad, scale, darkInk);
    }

    public Options withDarkInk(boolean dark) {
      return new Options(
          height, maxWidth, batchSize, spaceProbability, minGapRatio, edgePad, widthScale, dark);
    }

    int padColumns() {
      return (int) Math.round(edgePad * height);
    }
  }

  private final Predictor<FloatTensor, FloatTensor> predictor;
  private final CtcDecoder decoder;
  private final Options options;

  TextRecognizer(
      Predictor<FloatTensor, FloatTensor> predictor, List<String> labels, Options options) {
    this.predictor = predictor;
    this.decoder = new CtcDecoder(labels, options.spaceProbability());
    this.options = options;
  }

  /** One line per box, in the order of {@code boxes}. */
  public List<TextLine> recognize(Mat bgr, List<TextBox> boxes) {
    List<LineCrop> crops = new ArrayList<>(boxes.size());
    try {
      for (TextBox box : boxes) {
        crops.add(
            LineCrop.of(bgr, box, options.height(), options.maxWidth(), options.widthScale()));
      }
      Integer[] byWidth = new Integer[crops.size()];
      Arrays.setAll(byWidth, i -> i);
      Arrays.sort(byWidth, Comparator.comparingInt(i -> crops.get(i).width()));
      TextLine[] lines = new TextLine[crops.size()];
      for (int from = 0; from < byWidth.length; from += options.batchSize()) {
        int[] batch = new int[Math.min(options.batchSize(), byWidth.length - from)];
        for (int j = 0; j < batch.length; j++) {
          batch[j] = byWidth[from + j];
        }
        readBatch(batch, crops, boxes, lines);
      }
      return List.of(lines);
    } finally {
      crops.forEach(LineCrop::close);
    }
  }

  private void readBatch(int[] batch, List<LineCrop> crops, List<TextBox> boxes, TextLine[] out) {
    int pad = options.padColumns();
    int inputWidth = MIN_INPUT_WIDTH;
    for (int index : batch) {
      inputWidth = Math.max(inputWidth, roundUp(crops.get(index).width() + 2 * pad));
    }
    int height = options.height();
    int itemSize = 3 * height * inputWidth;
    float[] data = new float[batch.length * itemSize];
    for (int j = 0; j < batch.length; j++) {
      fill(crops.get(batch[j]), data, j * itemSize, inputWidth, pad, options.darkInk());
    }
    FloatTensor output;
    try {
      output =
          predictor.predict(
              new FloatTensor(data, new long[] {batch.length, 3, height, inputWidth}));
    } catch (TranslateException e) {
      throw new OcrEngineException("text recognition failed", e);
    }
    int steps = output.dim(1);
    int classes = output.dim(2);
    double stride = (double) inputWidth / steps;
    for (int j = 0; j < batch.length; j++) {
      LineCrop crop = crops.get(batch[j]);
      int used = Math.min(steps, (int) Math.ceil((crop.width() + 2 * pad) / stride));
      float[][] probs = new float[used][];
      for (int t = 0; t < used; t++) {
        int offset = (j * steps + t) * classes;
        probs[t] = Arrays.copyOfRange(output.data(), offset, offset + classes);
      }
      double[] gaps =
          options.minGapRatio() > 0
              ? InkGaps.centres(crop.image(), options.minGapRatio())
              : new double[0];
      for (int g = 0; g < gaps.length; g++) {
        gaps[g] = (gaps[g] + pad) / stride;
      }
      CtcDecoder.Result result =
          StrokeCount.recount(
              decoder.decode(probs, gaps), () -> InkGaps.runs(crop.image()), stride, pad);
      out[batch[j]] = toLine(result, boxes.get(batch[j]), crop.width(), stride, pad);
    }
  }

  /**
   * CHW, {@code (x / 255 - 0.5) / 0.5}, BGR like PaddleOCR, the crop starting {@code pad} columns
   * in, padded on both sides with its background.
   */
  private static void fill(
      LineCrop crop, float[] data, int offset, int inputWidth, int pad, boolean darkInk) {
    Mat image = crop.image();
    int rows = image.rows();
    int cols = image.cols();
    byte[] pixels = new byte[rows * cols * 3];
    image.get(0, 0, pixels);
    int flip = darkInk && lightOnDark(pixels, crop.background()) ? 255 : 0;
    int plane = rows * inputWidth;
    for (int c = 0; c < 3; c++) {
      float background = normalise(Math.abs(flip - crop.background().val[c]));
      int base = offset + c * plane;
      for (int y = 0; y < rows; y++) {
        int row = base + y * inputWidth;
        Arrays.fill(data, row, row + pad, background);
        for (int x = 0; x < cols; x++) {
          data[row + pad + x] = normalise(Math.abs(flip - (pixels[(y * cols + x) * 3 + c] & 0xFF)));
        }
        Arrays.fill(data, row + pad + cols, row + inputWidth, background);
      }
    }
  }

  /**
   * Whether a line's background (the median of its border) is darker than the line on average by a
   * clear margin: the ink is then lighter than the paper.
   */
  static boolean lightOnDark(byte[] bgr, Scalar background) {
    long sum = 0;
    for (byte b : bgr) {
      sum += b & 0xFF;
    }
    double mean = bgr.length == 0 ? 0 : (double) sum / bgr.length;
    double border = (background.val[0] + background.val[1] + background.val[2]) / 3;
    return border + LIGHT_INK_MARGIN < mean;
  }

  /** Grey levels by which a light-on-dark line's average must exceed its background. */
  private static final double LIGHT_INK_MARGIN = 10;

  private static float normalise(double value) {
    return (float) ((value / 255.0 - 0.5) / 0.5);
  }

  private static int roundUp(int width) {
    return (width + WIDTH_MULTIPLE - 1) / WIDTH_MULTIPLE * WIDTH_MULTIPLE;
  }

  private static TextLine toLine(
      CtcDecoder.Result result, TextBox box, int cropWidth, double stride, int pad) {
    List<TextLine.Glyph> glyphs = new ArrayList<>(result.emissions().size());
    for (CtcDecoder.Emission e : result.emissions()) {
      double t = Math.max(0.0, Math.min(1.0, (e.centreStep() * stride - pad) / cropWidth));
      TextBox.Vertex at = box.alongMidline(t);
      glyphs.add(new TextLine.Glyph(e.text(), at.x(), at.y(), e.probability(), e.inserted()));
    }
    return new TextLine(result.text(), result.confidence(), box, glyphs);
  }
}
