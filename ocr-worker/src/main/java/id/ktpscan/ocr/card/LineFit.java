package id.ktpscan.ocr.card;

/**
 * A straight line {@code d = a + b·t} through edge samples taken along one side of a quad, where
 * {@code t} runs along the side and {@code d} is the offset along its outward normal.
 *
 * <p>The fit is a small RANSAC followed by least squares on the inliers: a thumb, a glare spot or a
 * paper edge touching the card put a minority of samples far off the card's edge, and an ordinary
 * least-squares line would lean towards them.
 */
final class LineFit {

  private static final int TRIALS = 48;

  final double a;
  final double b;

  /** Share of the sampled positions along the side that lie on the line, in [0, 1]. */
  final double support;

  /** Mean edge strength of the inliers, in the gradient units of the samples. */
  final double strength;

  private LineFit(double a, double b, double support, double strength) {
    this.a = a;
    this.b = b;
    this.support = support;
    this.strength = strength;
  }

  /**
   * The line through most of the samples.
   *
   * @param t positions along the side, non-decreasing; several samples (edge peaks) may share a
   *     position, of which at most one counts towards a line
   * @param d offsets across the side
   * @param w edge strengths (weights), positive
   * @param n number of samples in the arrays
   * @param positions how many positions were sampled, including those that found no edge
   * @param tolerance the largest offset from the line of an inlier
   * @return the line, or null when fewer than a handful of samples agree
   */
  static LineFit fit(double[] t, double[] d, double[] w, int n, int positions, double tolerance) {
    if (n < 4) {
      return null;
    }
    double span = t[n - 1] - t[0];
    double bestScore = -1;
    double bestA = 0;
    double bestB = 0;
    long state = 0x9E3779B97F4A7C15L ^ n;
    for (int trial = 0; trial < TRIALS; trial++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      int i = (int) ((state >>> 33) % n);
      state = state * 6364136223846793005L + 1442695040888963407L;
      int j = (int) ((state >>> 33) % n);
      if (Math.abs(t[j] - t[i]) < 0.25 * span) {
        continue;
      }
      double slope = (d[j] - d[i]) / (t[j] - t[i]);
      double intercept = d[i] - slope * t[i];
      // Count positions, not strength: the card's edge runs the whole side, however faint,
      // while print next to it is strong but broken.
      double score = 0;
      double last = Double.NaN;
      for (int k = 0; k < n; k++) {
        if (t[k] != last && Math.abs(intercept + slope * t[k] - d[k]) <= tolerance) {
          score += 1 + 1e-3 * w[k];
          last = t[k];
        }
      }
      if (score > bestScore) {
        bestScore = score;
        bestA = intercept;
        bestB = slope;
      }
    }
    if (bestScore < 0) {
      return null;
    }
    double a = bestA;
    double b = bestB;
    int inliers = 0;
    double strength = 0;
    for (int round = 0; round < 2; round++) {
      double sw = 0;
      double st = 0;
      double sd = 0;
      double stt = 0;
      double std = 0;
      inliers = 0;
      strength = 0;
      double last = Double.NaN;
      for (int k = 0; k < n; k++) {
        if (t[k] != last && Math.abs(a + b * t[k] - d[k]) <= tolerance) {
          last = t[k];
          sw += w[k];
          st += w[k] * t[k];
          sd += w[k] * d[k];
          stt += w[k] * t[k] * t[k];
          std += w[k] * t[k] * d[k];
          inliers++;
          strength += w[k];
        }
      }
      double det = sw * stt - st * st;
      if (inliers < 4 || Math.abs(det) < 1e-9) {
        return null;
      }
      b = (sw * std - st * sd) / det;
      a = (sd - b * st) / sw;
    }
    return new LineFit(a, b, Math.min(1, inliers / (double) positions), strength / inliers);
  }
}
