package id.ktpscan.ocr.synth;

import java.util.List;
import java.util.Random;

/**
 * Random draws shared by the generators. Everything takes the caller's {@link Random} so that a
 * sample depends on its seed alone.
 */
final class Draw {

  private Draw() {}

  /**
   * A fresh generator seeded from one draw of {@code rnd}, bit-mixed. Public entry points call this
   * first, so that callers seeding {@code new Random(i)} with consecutive {@code i} (whose first
   * draws are strongly correlated) still get unrelated samples.
   */
  static Random fork(Random rnd) {
    return new Random(mix(rnd.nextLong()));
  }

  /** SplitMix64's finaliser: spreads every input bit over the whole output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static <T> T pick(List<T> values, Random rnd) {
    return values.get(rnd.nextInt(values.size()));
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  static int weighted(double[] weights, Random rnd) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double target = rnd.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** One of {@code values}, drawn with the weights at the same positions. */
  static <T> T weighted(List<T> values, double[] weights, Random rnd) {
    return values.get(weighted(weights, rnd));
  }

  static double uniform(double from, double to, Random rnd) {
    return from + (to - from) * rnd.nextDouble();
  }

  static int between(int from, int toInclusive, Random rnd) {
    return from + rnd.nextInt(toInclusive - from + 1);
  }

  static boolean chance(double probability, Random rnd) {
    return rnd.nextDouble() < probability;
  }
}
