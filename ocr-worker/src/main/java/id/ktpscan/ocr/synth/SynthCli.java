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

  private SynthCli() {}

  public static void main(String[] args) throws Exception {
    int n = 200;
    long seed = 7;
    Path out = null;
    int negatives = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--n" -> n = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--negatives" -> negatives = Math.max(negatives, -1);
          case "--negative-count" -> negatives = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (out == null || n < 0 || negatives < -1) {
        throw new IllegalArgumentException(
            "--out is required; --n and --negative-count must not be negative");
      }
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: SynthCli --n 200 --seed 7 --out DIR [--negatives] [--negative-count K]");
      System.exit(2);
      return;
    }
    int count = negatives == -1 ? SyntheticSet.defaultNegatives(n) : negatives;
    System.out.println(new SyntheticSet(AreaDirectory.load()).write(n, seed, out, count));
  }
}
