package id.ktpscan.ocr.layout;

import id.ktpscan.ocr.validate.TextDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays recognised text out into the card's fields on the canonical (rectified, upright) card.
 *
 * <p>Labels are found by their text, not by fixed pixel positions: each label gives a row, values
 * are the tokens to the right of a label on its row, and a row without a label directly under
 * {@code Alamat} is the address wrapping. The right-hand column (photo, issuing city and date) is
 * left out by position. The two centred lines above the NIK are the header.
 */
public final class CardLayout {

  /** Size of the canonical card the rectifier produces (ID-1 aspect). */
  public static final int WIDTH = 1000;

  public static final int HEIGHT = 630;

  /** Labels start in the left third of the card. */
  static final double LABEL_ZONE_RIGHT = 0.34 * WIDTH;

  /** Text starting right of this is the photo column (photo, issuing city, issue date). */
  public static final double PHOTO_LEFT = 0.685 * WIDTH;

  static final double MIN_LABEL_SIMILARITY = 0.7;

  /** An RT/RW value as printed ({@code : 005/008}), with the usual digit confusions. */
  static final java.util.regex.Pattern RT_RW_VALUE =
      java.util.regex.Pattern.compile("^[:;.\\s]*[0-9OoIlDSB]{3}\\s*/\\s*[0-9OoIlDSB]{3}\\s*$");

  /** A value as read: the text with the recogniser's confidence. */
  public record Piece(String text, double confidence, List<Token> tokens) {

    public Piece {
      tokens = List.copyOf(tokens);
    }

    public Piece(String text, double confidence) {
      this(text, confidence, List.of());
    }

    /** The same piece with another confidence. */
    public Piece withConfidence(double value) {
      return new Piece(text, value, tokens);
    }

    @Override
    public String toString() {
      return "Piece[" + text.length() + " chars, confidence=" + confidence + "]";
    }
  }

  /**
   * What the layout found.
   *
   * @param values raw value text per label (only labels that had a value)
   * @param provinceLine the header line after {@code PROVINSI}, or null
   * @param cityLine the second header line, or null
   * @param labelsFound the labels recognised on the card (a card with few is probably not a KTP)
   */
  public record Result(
      Map<Label, Piece> values, Piece provinceLine, Piece cityLine, Set<Label> labelsFound) {}

  private record Found(Label label, Token token, double similarity) {}

  public Result assign(List<Token> input) {
    List<Token> tokens = splitAtColons(input);
    Map<Label, Found> labels = findLabels(tokens);
    Set<Token> used = new HashSet<>();
    labels.values().forEach(f -> used.add(f.token()));

    double headerBottom = headerBottom(labels, tokens);
    List<Token> header = new ArrayList<>();
    List<Token> body = new ArrayList<>();
    for (Token t : tokens) {
      if (used.contains(t) || t.text().isBlank()) {
        continue;
      }
      if (t.cy() < headerBottom) {
        header.add(t);
      } else if (t.x0() < PHOTO_LEFT) {
        body.add(t);
      }
    }

    Map<Label, List<Token>> assigned = assignValues(labels, body);
    splitGenderRow(labels, assigned);

    Map<Label, Piece> values = new EnumMap<>(Label.class);
    assigned.forEach(
        (label, list) -> {
          Piece piece = join(list);
          if (piece != null) {
            values.put(label, piece);
          }
        });
    Piece province = null;
    Piece city = null;
    List<List<Token>> headerRows = rows(header);
    for (int i = 0; i < headerRows.size(); i++) {
      Piece row = join(headerRows.get(i));
      if (row == null) {
        continue;
      }
      String first = row.text().split(" ", 2)[0];
      String letters = Label.letters(row.text());
      if (TextDistance.similarity(Label.letters(first), "PROVINSI") >= 0.75
          || (letters.startsWith("PROVINSI") && province == null)) {
        province = afterWord(row, "PROVINSI");
        if (i + 1 < headerRows.size()) {
          city = join(headerRows.get(i + 1));
        }
        break;
      }
    }
    if (province == null && headerRows.size() == 2) {
      // PROVINSI itself unreadable: the two header lines keep their order.
      city = join(headerRows.get(1));
    }
    return new Result(values, province, city, Set.copyOf(labels.keySet()));
  }

  /**
   * The labels among tokens read anywhere in a photo (not on a rectified card): how the pipeline
   * recognises a KTP whose outline it could not find.
   */
  public static Set<Label> labelsAnywhere(List<Token> tokens) {
    Set<Label> found = java.util.EnumSet.noneOf(Label.class);
    for (Token t : tokens) {
      String text = t.text();
      int colon = text.indexOf(':');
      String letters = Label.letters(colon > 0 ? text.substring(0, colon) : text);
      for (Label label : Label.values()) {
        for (String spelling : label.spellings()) {
          if (labelSimilarity(letters, spelling) >= MIN_LABEL_SIMILARITY) {
            found.add(label);
          }
        }
      }
    }
    return found;
  }

  /** Tokens in the label zone holding {@code label : value} become two tokens. */
  static List<Token> splitAtColons(List<Token> input) {
    List<Token> out = new ArrayList<>(input.size() + 8);
    for (Token t : input) {
      String text = t.text();
      int colon = text.indexOf(':');
      if (colon < 0 || (t.x0() >= LABEL_ZONE_RIGHT && !Label.letters(text).startsWith("GOL"))) {
        out.add(t);
        continue;
      }
      if (colon > 0) {
        out.add(t.slice(0, colon).trimmed());
      }
      if (colon + 1 < text.length()) {
        Token value = t.slice(colon + 1, text.length()).trimmed();
        if (!value.text().isEmpty()) {
          out.add(value);
        }
      }
    }
    out.removeIf(t -> t.text().isBlank());
    return out;
  }

  private static Map<Label, Found> findLabels(List<Token> tokens) {
    List<Found> candidates = new ArrayList<>();
    for (Token t : tokens) {
      String letters = Label.letters(t.text());
      if (letters.isEmpty() || letters.length() > 20) {
        continue;
      }
      for (Label label : Label.values()) {
        boolean inZone = label == Label.GOL_DARAH ? t.x0() < PHOTO_LEFT : t.x0() < LABEL_ZONE_RIGHT;
        if (!inZone) {
          continue;
        }
        double best = 0;
        for (String spelling : label.spellings()) {
          best = Math.max(best, labelSimilarity(letters, spelling));
        }
        if (best >= MIN_LABEL_SIMILARITY) {
          candidates.add(new Found(label, t, best));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Found::similarity).reversed());
    Map<Label, Found> labels = new EnumMap<>(Label.class);
    Set<Token> taken = new HashSet<>();
    for (Found f : candidates) {
      if (!labels.containsKey(f.label()) && !taken.contains(f.token())) {
        labels.put(f.label(), f);
        taken.add(f.token());
      }
    }
    return labels;
  }

  /** Short labels ({@code NIK}) allow one wrong letter; longer ones a share of them. */
  static double labelSimilarity(String letters, String spelling) {
    int distance = TextDistance.levenshtein(letters, spelling);
    if (spelling.length() <= 4) {
      return distance == 0 ? 1 : distance == 1 && letters.length() == spelling.length() ? 0.75 : 0;
    }
    return 1 - (double) distance / Math.max(letters.length(), spelling.length());
  }

  private static double headerBottom(Map<Label, Found> labels, List<Token> tokens) {
    Found nik = labels.get(Label.NIK);
    if (nik != null) {
      return nik.token().y0() - 0.15 * nik.token().height();
    }
    Found nama = labels.get(Label.NAMA);
    if (nama != null) {
      return nama.token().y0() - 1.2 * nama.token().height() * 2;
    }
    return 0.2 * HEIGHT;
  }

  private static Map<Label, List<Token>> assignValues(Map<Label, Found> labels, List<Token> body) {
    Map<Label, List<Token>> assigned = new EnumMap<>(Label.class);
    List<Found> rows = new ArrayList<>();
    for (Found f : labels.values()) {
      if (f.label() != Label.GOL_DARAH) {
        rows.add(f);
      }
    }
    if (rows.isEmpty()) {
      return assigned;
    }
    rows.sort(Comparator.comparingDouble(f -> f.token().cy()));
    double pitch = pitch(rows);
    for (Token t : body) {
      Found nearest = null;
      Found above = null;
      for (Found row : rows) {
        if (t.x0() < row.token().x1() - 0.5 * row.token().height()) {
          continue;
        }
        double dy = t.cy() - row.token().cy();
        if (nearest == null || Math.abs(dy) < Math.abs(t.cy() - nearest.token().cy())) {
          nearest = row;
        }
        if (dy > 0 && (above == null || row.token().cy() > above.token().cy())) {
          above = row;
        }
      }
      if (nearest != null && Math.abs(t.cy() - nearest.token().cy()) <= 0.5 * pitch) {
        assigned.computeIfAbsent(nearest.label(), k -> new ArrayList<>()).add(t);
      } else if (above != null
          && above.label() == Label.ALAMAT
          && t.cy() - above.token().cy() <= 1.6 * pitch) {
        // The row under Alamat is the address wrapping, or RT/RW whose label was not read: the
        // value tells them apart.
        Label label = RT_RW_VALUE.matcher(t.text()).matches() ? Label.RT_RW : Label.ALAMAT;
        assigned.computeIfAbsent(label, k -> new ArrayList<>()).add(t);
      }
      // Anything else lies on a row whose label was not read: it stays unassigned rather than
      // being glued to a neighbour.
    }
    return assigned;
  }

  /** Typical distance between rows, robust to a wrapped address and to labels not read. */
  static double pitch(List<Found> rows) {
    List<Double> steps = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      int gap = order(rows.get(i).label()) - order(rows.get(i - 1).label());
      if (gap > 0) {
        steps.add((rows.get(i).token().cy() - rows.get(i - 1).token().cy()) / gap);
      }
    }
    if (steps.isEmpty()) {
      return 2.0 * rows.get(0).token().height();
    }
    steps.sort(null);
    return steps.get(steps.size() / 2);
  }

  private static int order(Label label) {
    // Gol. Darah shares the Jenis Kelamin row; every other label is one row.
    return label.ordinal() > Label.GOL_DARAH.ordinal() ? label.ordinal() - 1 : label.ordinal();
  }

  /** Jenis Kelamin and Gol. Darah share a row: the Gol. Darah label divides it. */
  private static void splitGenderRow(Map<Label, Found> labels, Map<Label, List<Token>> assigned) {
    List<Token> row = assigned.get(Label.JENIS_KELAMIN);
    if (row == null) {
      return;
    }
    Found gol = labels.get(Label.GOL_DARAH);
    List<Token> gender = new ArrayList<>();
    List<Token> blood = new ArrayList<>();
    for (Token t : row) {
      if (gol != null && t.x0() >= gol.token().x1() - 0.5 * gol.token().height()) {
        blood.add(t);
      } else if (gol == null && Label.letters(t.text()).startsWith("GOL")) {
        int colon = t.text().indexOf(':');
        if (colon >= 0 && colon + 1 < t.text().length()) {
          blood.add(t.slice(colon + 1, t.text().length()).trimmed());
        }
      } else {
        gender.add(t);
      }
    }
    assigned.put(Label.JENIS_KELAMIN, gender);
    if (!blood.isEmpty()) {
      assigned.put(Label.GOL_DARAH, blood);
    }
  }

  /** Tokens grouped into rows (top to bottom), each row left to right. */
  static List<List<Token>> rows(List<Token> tokens) {
    List<Token> sorted = new ArrayList<>(tokens);
    sorted.sort(Comparator.comparingDouble(Token::cy));
    List<List<Token>> rows = new ArrayList<>();
    for (Token t : sorted) {
      List<Token> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last != null && Math.abs(t.cy() - last.get(0).cy()) <= 0.5 * last.get(0).height()) {
        last.add(t);
      } else {
        List<Token> row = new ArrayList<>();
        row.add(t);
        rows.add(row);
      }
    }
    rows.forEach(r -> r.sort(Comparator.comparingDouble(Token::x0)));
    return rows;
  }

  /** Text of tokens in reading order (rows, then left to right), leading colons dropped. */
  static Piece join(List<Token> tokens) {
    if (tokens == null || tokens.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    double weighted = 0;
    int chars = 0;
    for (List<Token> row : rows(tokens)) {
      for (Token t : row) {
        String part = t.text().strip();
        if (text.length() == 0) {
          part = part.replaceFirst("^[:;.\\s]+", "");
        }
        if (part.isEmpty()) {
          continue;
        }
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(part);
        weighted += t.confidence() * part.length();
        chars += part.length();
      }
    }
    return chars == 0 ? null : new Piece(text.toString(), weighted / chars, tokens);
  }

  private static Piece afterWord(Piece row, String word) {
    String text = row.text().strip();
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    if (TextDistance.similarity(Label.letters(first), word) >= 0.75) {
      return space < 0 ? null : new Piece(text.substring(space + 1).strip(), row.confidence());
    }
    // PROVINSIJAWA BARAT: the space was lost.
    String upper = text.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith(word)) {
      String rest = text.substring(word.length()).strip();
      return rest.isEmpty() ? null : new Piece(rest, row.confidence());
    }
    return null;
  }
}
