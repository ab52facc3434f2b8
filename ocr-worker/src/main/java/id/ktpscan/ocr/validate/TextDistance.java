package id.ktpscan.ocr.validate;

/** Edit distance for snapping read text to known values. */
public final class TextDistance {

  private TextDistance() {}

  /** Levenshtein distance (insertions, deletions, substitutions all cost 1). */
  public static int levenshtein(CharSequence a, CharSequence b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Similarity in [0, 1]: 1 for equal strings, 0 when nothing is shared. */
  public static double similarity(String a, String b) {
    int longest = Math.max(a.length(), b.length());
    return longest == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / longest;
  }

  /** Upper case, letters and digits and single spaces kept, KTP punctuation (/ - . ,) kept. */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (char c :
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toCharArray()) {
      char upper = Character.toUpperCase(c);
      if (Character.isLetterOrDigit(upper) || "/-.,'()+".indexOf(upper) >= 0) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        out.append(upper);
        space = false;
      } else if (Character.isWhitespace(upper)) {
        space = true;
      }
    }
    return out.toString();
  }
}
