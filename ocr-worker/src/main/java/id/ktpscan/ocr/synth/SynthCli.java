package id.ktpscan.ocr.synth;

import id.ktpscan.ocr.area.AreaDirectory;
import java.nio.file.Path;

/**
 * Command line for {@link SyntheticSet}: {@code --n 200 --seed 7 --out DIR [--negatives]
 * [--negative-count K]}. {@code --negatives} adds a quarter as many negatives as positives (at
 * least one per reason); {@code --negative-count} sets their number (e.g. {@code --n 0
 * --negative-count 140} for negatives only). Prints one summary line; exit status 2 on bad
 * arguments.
 */
public final class SynthCli {

  /** What to write. */
  record Options(int n, long seed, Path out, int negatives) {}

  private SynthCli() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: SynthCli --n 200 --seed 7 --out DIR [--negatives] [--negative-count K]");
      System.exit(2);
      return;
    }
    CardFonts.refuseIfMissing("SynthCli");
    System.out.println(
        new SyntheticSet(AreaDirectory.load())
            .write(options.n(), options.seed(), options.out(), options.negatives()));
  }

  /** The options of {@code args}; an {@link IllegalArgumentException} says what is wrong. */
  static Options parse(String[] args) {
    int n = 200;
    long seed = 7;
    Path out = null;
    boolean withNegatives = false;
    Integer count = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(value(args, ++i));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--negatives" -> withNegatives = true;
        case "--negative-count" -> count = Integer.parseInt(value(args, ++i));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (out == null || n < 0 || (count != null && count < 0)) {
      throw new IllegalArgumentException(
          "--out is required; --n and --negative-count must not be negative");
    }
    int negatives = count != null ? count : withNegatives ? SyntheticSet.defaultNegatives(n) : 0;
    return new Options(n, seed, out, negatives);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
