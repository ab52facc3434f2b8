package id.ktpscan.ocr.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names for the recogniser's training lines only ({@link LineSet}): more of what the generator's
 * names hold too rarely for a model to learn them — apostrophes ({@code ROBI'AH}), doubled letters
 * ({@code HASANUDDIN}), rare letters ({@code Z}, {@code Q}, {@code V}, {@code X}, {@code F}) — and
 * invented words, so that the model reads letters rather than remembering a list of names.
 *
 * <p>Test sets and the benchmark never use these ({@link SyntheticSet} draws names from {@link
 * NameMaker} alone), so the benchmark's name mix is not bent towards what was trained.
 */
final class TrainingNames {

  /** The share of training cards whose name is replaced. */
  static final double SHARE = 0.35;

  /** Longest name drawn: longer ones are squeezed by the renderer, and real ones rarely are. */
  static final int MAX_LENGTH = 30;

  private static final String[] ONSETS = {
    "", "", "B", "C", "D", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "V",
    "W", "X", "Y", "Z", "Z", "KH", "NG", "NY", "SY", "DZ", "GH", "SH", "TH"
  };
  private static final String[] VOWELS = {"A", "A", "I", "U", "E", "O", "AI", "AU", "IA", "UA"};
  private static final String[] CODAS = {
    "", "", "", "", "N", "M", "H", "K", "R", "L", "S", "T", "NG", "D", "F", "Z", "Q", "X", "B"
  };

  private TrainingNames() {}

  /**
   * A name of one to four words: words of {@code original} kept or changed, invented words, each
   * word at most once with an apostrophe or a doubled letter.
   */
  static String make(String original, Random rnd) {
    List<String> words = new ArrayList<>(List.of(original.split(" ")));
    int n = 1 + rnd.nextInt(4);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String word =
          rnd.nextDouble() < 0.4 && !words.isEmpty()
              ? words.get(rnd.nextInt(words.size()))
              : invented(rnd);
      double roll = rnd.nextDouble();
      if (roll < 0.3) {
        word = withApostrophe(word, rnd);
      } else if (roll < 0.6) {
        word = withDoubled(word, rnd);
      }
      out.add(word);
    }
    String name = String.join(" ", out);
    while (name.length() > MAX_LENGTH && out.size() > 1) {
      out.remove(out.size() - 1);
      name = String.join(" ", out);
    }
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }

  /** A word of one to four syllables of Indonesian-like shape, with rare letters now and then. */
  static String invented(Random rnd) {
    int syllables = 1 + rnd.nextInt(4);
    StringBuilder w = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      w.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
      if (s == syllables - 1 || rnd.nextDouble() < 0.3) {
        w.append(CODAS[rnd.nextInt(CODAS.length)]);
      }
    }
    return w.toString();
  }

  /**
   * The word with an apostrophe after one of its inner vowels ({@code MA'RUF}, {@code SA'ADAH}).
   */
  static String withApostrophe(String word, Random rnd) {
    List<Integer> spots = new ArrayList<>();
    for (int i = 1; i < word.length() - 1; i++) {
      if ("AIUEO".indexOf(word.charAt(i - 1)) >= 0 && Character.isLetter(word.charAt(i))) {
        spots.add(i);
      }
    }
    if (spots.isEmpty()) {
      return word;
    }
    int at = spots.get(rnd.nextInt(spots.size()));
    return word.substring(0, at) + "'" + word.substring(at);
  }

  /** The word with one of its inner letters doubled ({@code HASANUDDIN}, {@code ABDULLAH}). */
  static String withDoubled(String word, Random rnd) {
    List<Integer> spots = new ArrayList<>();
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c) && c != word.charAt(i - 1)) {
        spots.add(i);
      }
    }
    if (spots.isEmpty()) {
      return word;
    }
    int at = spots.get(rnd.nextInt(spots.size()));
    return word.substring(0, at + 1) + word.charAt(at) + word.substring(at + 1);
  }
}
