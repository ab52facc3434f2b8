package id.ktpscan.ocr.area;

import id.ktpscan.ocr.area.AreaDirectory.Area;
import id.ktpscan.ocr.layout.Label;
import id.ktpscan.ocr.validate.TextDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Recognises a KTP's two header lines when the frame cuts them on the left: {@code VINSI JAWA
 * TIMUR} over {@code PATEN BANGKALAN}. What is left of {@code PROVINSI} is followed by a real
 * province's name, and what is left of {@code KABUPATEN} or {@code KOTA} by a regency or city
 * <em>of that province</em>: other cards print a province or a town now and then ({@code
 * PERPUSTAKAAN DAERAH BANGKALAN}), not this pair.
 *
 * <p>Compared on letters only (spaces and punctuation dropped), exactly: the names must be read
 * whole, or the province's cut by a few letters at most, and only the cut prefix may be garbled
 * ({@code YN JAWA TIMUR}).
 */
public final class CutHeader {

  /** Letters of {@code PROVINSI}, plus two for a garbled cut letter. */
  static final int MAX_PROVINCE_PREFIX = 10;

  /** Letters of {@code KABUPATEN}, plus one. */
  static final int MAX_REGENCY_PREFIX = 10;

  /**
   * Letters a misread {@code KABUPATEN} before a regency's whole name must keep, at most {@link
   * #MAX_KABUPATEN_EDITS} edits from it, to count in {@link #regencyLine(String)} (fresh
   * negatives-only seed 6666's negative 5, on its side and cut on its label side: {@code KAUPATN
   * ASAHAN}, answered NOT_KTP).
   */
  static final int MIN_MISREAD_KABUPATEN = 7;

  /** Edits (Levenshtein) a misread {@code KABUPATEN} may be away from it. */
  static final int MAX_KABUPATEN_EDITS = 2;

  /** One province as printed after {@code PROVINSI}, and its regencies as the card prints them. */
  private record Province(String letters, List<Regency> regencies) {}

  /**
   * A regency or city: its name without the prefix, and whether the card may print it without one
   * (Jakarta's cities: {@code JAKARTA TIMUR}).
   */
  private record Regency(String bareLetters, boolean bareIsPrinted) {}

  private final List<Province> provinces;

  private CutHeader(List<Province> provinces) {
    this.provinces = provinces;
  }

  /** The header pairs of every province in the directory. */
  public static CutHeader of(AreaDirectory areas) {
    List<Province> provinces = new ArrayList<>();
    for (Area p : areas.provinces()) {
      List<Regency> regencies = new ArrayList<>();
      for (Area r : areas.childrenOf(p.code())) {
        String bare = AreaSnapper.bareRegencyName(r.name());
        boolean bareIsPrinted = AreaSnapper.regencyForms(r.name()).contains(bare);
        regencies.add(new Regency(Label.letters(bare), bareIsPrinted));
      }
      for (String form : AreaSnapper.provinceForms(p.name())) {
        provinces.add(new Province(Label.letters(form), List.copyOf(regencies)));
      }
    }
    return new CutHeader(List.copyOf(provinces));
  }

  /**
   * Whether two of these lines are a KTP's header cut on the left: a province line whose {@code
   * PROVINSI} is (partly) lost, and a regency line of the same province.
   */
  public boolean shows(List<String> lines) {
    return headerPair(lines, (line, p) -> provinceLine(line, p.letters()), CutHeader::regencyLine);
  }

  /**
   * Whether two of these lines are a KTP's header with {@code PROVINSI} and {@code KABUPATEN} (or
   * {@code KOTA}) both cut off whole by the frame: a province's name read whole with nothing before
   * it, and the bare name of a regency or city of that province read whole (seed 9696's
   * negatives-only run, negative 26: {@code NUSA TENGGARA TIMUR} over {@code TIMOR TENGAH SELATAN},
   * answered NOT_KTP). Other cards print a province's name, and a town's (a birth place), so this
   * is weaker evidence than {@link #shows}: callers ask for more of a KTP beside it.
   */
  public boolean bareHeader(List<String> lines) {
    return headerPair(
        lines,
        (line, p) -> line.equals(p.letters()),
        (line, p) -> p.regencies().stream().anyMatch(r -> r.bareLetters().equals(line)));
  }

  /**
   * Whether one line's letters are a province line of some province and another line's a regency
   * line of the same province, each as the given test has it.
   */
  private boolean headerPair(
      List<String> lines,
      BiPredicate<String, Province> provinceLine,
      BiPredicate<String, Province> regencyLine) {
    List<String> letters = lines.stream().map(Label::letters).toList();
    for (int a = 0; a < letters.size(); a++) {
      for (Province province : provinces) {
        if (!provinceLine.test(letters.get(a), province)) {
          continue;
        }
        for (int b = 0; b < letters.size(); b++) {
          if (b != a && regencyLine.test(letters.get(b), province)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether a line's letters are a province line cut on the left: what is left of {@code PROVINSI}
   * (1 to {@link #MAX_PROVINCE_PREFIX} letters) before the whole name, or — the frame having cut
   * into the name itself — the name without its first 1 to {@link #MAX_NAME_CUT} letters, at least
   * {@link #MIN_NAME_LEFT} left ({@code USA TENGGARA TIMUR}: seed 9292's negatives-only run,
   * negative 131, was NOT_KTP). A name read whole without anything before it is not taken: other
   * cards print a province's name.
   */
  private static boolean provinceLine(String line, String province) {
    int prefix = line.length() - province.length();
    if (prefix >= 1 && prefix <= MAX_PROVINCE_PREFIX) {
      return line.endsWith(province);
    }
    return prefix < 0
        && -prefix <= MAX_NAME_CUT
        && line.length() >= MIN_NAME_LEFT
        && province.endsWith(line);
  }

  /** Letters of a province's name the frame may have cut, {@code PROVINSI} with them. */
  static final int MAX_NAME_CUT = 4;

  /** Letters of a cut province name that must be left. */
  static final int MIN_NAME_LEFT = 8;

  /**
   * Whether a line is a KTP's second header line alone, its {@code KABUPATEN} or {@code KOTA}
   * possibly cut by the frame or misread: the whole name of a regency or city of any province,
   * after 3 to {@link #MAX_REGENCY_PREFIX} letters that end like {@code KABUPATEN} ({@code UPATEN
   * KUANTAN SINGINGI}, {@code KBUPATEN SIAK}) or are its last four letters at least ({@code ATEN
   * NIAS BARAT}) or a misread of it ({@link #MIN_MISREAD_KABUPATEN}), or {@code KOTA} or its cut
   * {@code OTA} (not any word ending so: a village {@code SUKAKOTA} before a district named like
   * its regency on a driving licence is no header). Weaker evidence than {@link #shows} (no
   * province to match): callers ask for more of a KTP beside it.
   */
  public boolean regencyLine(String line) {
    String letters = Label.letters(line);
    for (Province province : provinces) {
      for (Regency r : province.regencies()) {
        int prefix = letters.length() - r.bareLetters().length();
        if (prefix >= 3 && prefix <= MAX_REGENCY_PREFIX && letters.endsWith(r.bareLetters())) {
          String before = letters.substring(0, prefix);
          if (before.endsWith("PATEN")
              || (before.length() >= 4 && "KABUPATEN".endsWith(before))
              || (before.length() >= MIN_MISREAD_KABUPATEN
                  && TextDistance.levenshtein(before, "KABUPATEN") <= MAX_KABUPATEN_EDITS)
              || before.equals("KOTA")
              || before.equals("OTA")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether a line is the regency line of this province cut on the left: what is left of {@code
   * KABUPATEN} or {@code KOTA} before the whole name (or the name alone where the card prints it
   * so), or — the frame having cut into the name itself, as it may a province's — the name without
   * its first 1 to {@link #MAX_NAME_CUT} letters, at least {@link #MIN_NAME_LEFT} left ({@code
   * PULAUAN SERIBU} under {@code VINSI DKI JAKARTA}: fresh seed 9090's negative 12, answered
   * NOT_KTP).
   */
  private static boolean regencyLine(String line, Province province) {
    for (Regency r : province.regencies()) {
      int prefix = line.length() - r.bareLetters().length();
      if (line.endsWith(r.bareLetters())
          && prefix <= MAX_REGENCY_PREFIX
          && (prefix >= 1 || r.bareIsPrinted())) {
        return true;
      }
      if (prefix < 0
          && -prefix <= MAX_NAME_CUT
          && line.length() >= MIN_NAME_LEFT
          && r.bareLetters().endsWith(line)) {
        return true;
      }
    }
    return false;
  }
}
