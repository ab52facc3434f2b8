package id.ktpscan.ocr.synth;

import java.nio.file.Path;

/**
 * Command line for {@link SyntheticSet}: {@code --n 200 --seed 7 --out DIR [--negatives]}. Prints
 * one summary line; exit status 2 on bad arguments.
 */
public final class SynthCli {

  private SynthCli() {}

  public static void main(String[] args) throws Exception {
    int n = 200;
    long seed = 7;
    Path out = null;
    boolean negatives = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--n" -> n = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--negatives" -> negatives = true;
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (out == null || n < 0) {
        throw new IllegalArgumentException("--out is required and --n must not be negative");
      }
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: SynthCli --n 200 --seed 7 --out DIR [--negatives]");
      System.exit(2);
      return;
    }
    System.out.println(SyntheticSet.generate(n, seed, out, negatives));
  }
}
