package id.ktpscan.ocr.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding with space recovery, kept free of DJL types so that it can be tested on
 * hand-made probability tables.
 *
 * <p>The stock PP-OCR recogniser was trained mostly on Chinese and often puts no space between
 * Latin words. Two independent signals bring the spaces back: the space class gaining a little
 * probability between two emissions, and empty-ink gaps found by the caller in the line image
 * (passed in as positions in time steps). Confidence is the mean of the model's own emission
 * probabilities; recovered spaces do not count towards it.
 */
public final class CtcDecoder {

  /** Space-class probability between two emissions that is taken as a space. */
  public static final double DEFAULT_SPACE_PROBABILITY = 0.02;

  private static final String NO_SPACE_BEFORE = ".,/-'";
  private static final String NO_SPACE_AFTER = "/";
  private static final String SPACE = " ";

  private final List<String> labels;
  private final int spaceClass;
  private final double spaceProbability;

  /**
   * @param labels one label per class; index 0 is the CTC blank, a label that is a single space is
   *     the space class
   */
  public CtcDecoder(List<String> labels) {
    this(labels, DEFAULT_SPACE_PROBABILITY);
  }

  /**
   * @param labels one label per class; index 0 is the CTC blank
   * @param spaceProbability space-class probability between two emissions that makes a space
   */
  public CtcDecoder(List<String> labels, double spaceProbability) {
    if (labels.size() < 2) {
      throw new IllegalArgumentException("need the blank and at least one label");
    }
    this.labels = List.copyOf(labels);
    this.spaceClass = labels.lastIndexOf(SPACE);
    this.spaceProbability = spaceProbability;
  }

  /** The number of classes the model must output. */
  public int classCount() {
    return labels.size();
  }

  /** Decodes without ink-gap evidence. */
  public Result decode(float[][] probs) {
    return decode(probs, new double[0]);
  }

  /**
   * Decodes one line.
   *
   * @param probs per time step, the probability of each class ({@code [T][C]})
   * @param gapSteps centres of empty-ink gaps in the line image, in (fractional) time steps
   */
  public Result decode(float[][] probs, double[] gapSteps) {
    List<Emission> emitted = trimSpaces(bestPath(probs));
    List<Emission> withSpaces = insertSpaces(emitted, probs, gapSteps);
    StringBuilder text = new StringBuilder();
    double sum = 0;
    int own = 0;
    for (Emission e : withSpaces) {
      text.append(e.text());
      if (!e.inserted()) {
        sum += e.probability();
        own++;
      }
    }
    float confidence = own == 0 ? 0f : (float) (sum / own);
    return new Result(text.toString(), confidence, withSpaces);
  }

  private List<Emission> bestPath(float[][] probs) {
    List<Emission> out = new ArrayList<>();
    int previous = 0;
    for (int t = 0; t < probs.length; t++) {
      float[] row = probs[t];
      if (row.length != labels.size()) {
        throw new IllegalArgumentException(
            "model has " + row.length + " classes, dictionary " + labels.size());
      }
      int best = argmax(row);
      if (best != 0) {
        if (best == previous) {
          Emission last = out.get(out.size() - 1);
          out.set(out.size() - 1, last.extendTo(t, row[best]));
        } else {
          out.add(new Emission(textOf(best), t, t, row[best], false));
        }
      }
      previous = best;
    }
    return out;
  }

  private String textOf(int label) {
    String text = Normalizer.normalize(labels.get(label), Normalizer.Form.NFKC);
    return text.isBlank() ? SPACE : text;
  }

  private static List<Emission> trimSpaces(List<Emission> emitted) {
    List<Emission> out = new ArrayList<>(emitted.size());
    for (Emission e : emitted) {
      boolean space = e.isSpace();
      boolean afterSpaceOrStart = out.isEmpty() || out.get(out.size() - 1).isSpace();
      if (!(space && afterSpaceOrStart)) {
        out.add(e);
      }
    }
    if (!out.isEmpty() && out.get(out.size() - 1).isSpace()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private List<Emission> insertSpaces(List<Emission> emitted, float[][] probs, double[] gaps) {
    List<Emission> out = new ArrayList<>(emitted.size() + 4);
    for (int i = 0; i < emitted.size(); i++) {
      Emission current = emitted.get(i);
      if (i > 0) {
        Emission previous = emitted.get(i - 1);
        if (spaceAllowed(previous, current)) {
          float between = maxSpaceProbability(probs, previous.lastStep() + 1, current.firstStep());
          if (between >= spaceProbability || gapBetween(gaps, previous, current)) {
            out.add(new Emission(SPACE, previous.lastStep(), current.firstStep(), between, true));
          }
        }
      }
      out.add(current);
    }
    return out;
  }

  private static boolean spaceAllowed(Emission previous, Emission current) {
    if (previous.isSpace() || current.isSpace()) {
      return false;
    }
    String before = previous.text();
    String after = current.text();
    return !NO_SPACE_AFTER.contains(before.substring(before.length() - 1))
        && !NO_SPACE_BEFORE.contains(after.substring(0, 1));
  }

  private float maxSpaceProbability(float[][] probs, int fromStep, int toStepExclusive) {
    if (spaceClass < 0) {
      return 0f;
    }
    float max = 0f;
    for (int t = fromStep; t < toStepExclusive; t++) {
      max = Math.max(max, probs[t][spaceClass]);
    }
    return max;
  }

  private static boolean gapBetween(double[] gaps, Emission previous, Emission current) {
    double from = previous.centreStep();
    double to = current.centreStep();
    for (double gap : gaps) {
      if (gap > from && gap < to) {
        return true;
      }
    }
    return false;
  }

  private static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * One emitted character (or NFKC-expanded key).
   *
   * @param text the NFKC-normalised label, or a single space
   * @param firstStep first time step of the run; for an inserted space, the step of the character
   *     before it
   * @param lastStep last time step of the run; for an inserted space, the step of the character
   *     after it
   * @param probability the highest probability over the run; for an inserted space, the highest
   *     space-class probability between its neighbours
   * @param inserted true for a space recovered by this decoder rather than emitted by the model
   */
  public record Emission(
      String text, int firstStep, int lastStep, float probability, boolean inserted) {

    /** Middle of the run in time steps, the best guess of where the character sits. */
    public double centreStep() {
      return (firstStep + lastStep + 1) / 2.0;
    }

    boolean isSpace() {
      return SPACE.equals(text);
    }

    Emission extendTo(int step, float stepProbability) {
      return new Emission(text, firstStep, step, Math.max(probability, stepProbability), inserted);
    }
  }

  /**
   * A decoded line.
   *
   * @param text concatenation of the emissions' texts
   * @param confidence mean probability of the model's own emissions; 0 when nothing was emitted
   * @param emissions what makes up {@code text}, in order
   */
  public record Result(String text, float confidence, List<Emission> emissions) {

    public Result {
      emissions = List.copyOf(emissions);
    }
  }
}
