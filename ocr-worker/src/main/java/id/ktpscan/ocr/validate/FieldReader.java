package id.ktpscan.ocr.validate;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.events.ExtractedField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.area.AreaSnapper;
import id.ktpscan.ocr.area.AreaSnapper.Snapped;
import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.CardLayout.Piece;
import id.ktpscan.ocr.layout.Label;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the layout's raw text into the 17 normalised fields and the checks that tie them together:
 * the NIK against the area codes, the printed birth date and the gender; closed vocabularies
 * snapped to their canonical spelling; Kel/Desa and Kecamatan snapped to real names of the card's
 * regency. A value is repaired only where an independent check confirms the repair.
 */
public final class FieldReader {

  /** Checks beyond {@link NikRules}'s, by name. */
  public static final String BIRTH_DATE_FROM_NIK = "birthDateFromNik";

  public static final String PROVINCE_KNOWN = "provinceKnown";
  public static final String CITY_KNOWN = "cityKnown";
  public static final String DISTRICT_KNOWN = "districtKnown";
  public static final String VILLAGE_KNOWN = "villageKnown";
  public static final String NIK_PROVINCE_MATCHES_HEADER = "nikProvinceMatchesHeader";

  /** The fields and checks of one card. */
  public record Reading(Map<KtpField, ExtractedField> fields, Map<String, CheckResult> checks) {

    public String value(KtpField field) {
      ExtractedField f = fields.get(field);
      return f == null ? null : f.value();
    }

    public double confidence(KtpField field) {
      ExtractedField f = fields.get(field);
      return f == null ? 0 : f.confidence();
    }
  }

  private static final Pattern DATE =
      Pattern.compile(
          "([0-9OIlBSZDG]{1,2})\\s*[-.,/ ]\\s*([0-9OIlBSZDG]{1,2})\\s*[-.,/ ]\\s*([0-9OIlBSZDG]{4})");
  private static final Pattern DATE_COMPACT =
      Pattern.compile("([0-9OIlBSZDG]{2})([0-9OIlBSZDG]{2})([0-9OIlBSZDG]{4})");

  private final AreaSnapper snapper;
  private final int referenceYear;

  public FieldReader(AreaDirectory areas, int referenceYear) {
    this.snapper = new AreaSnapper(areas);
    this.referenceYear = referenceYear;
  }

  public Reading read(CardLayout.Result layout) {
    Map<KtpField, ExtractedField> fields = new EnumMap<>(KtpField.class);
    Map<String, CheckResult> checks = new LinkedHashMap<>();
    Map<Label, Piece> raw = layout.values();

    // Header: province, then the regency or city inside it.
    Piece provinceRead = layout.provinceLine();
    Optional<Snapped> province =
        provinceRead == null ? Optional.empty() : snapper.province(provinceRead.text(), 0.75);
    put(fields, KtpField.PROVINCE, province.map(Snapped::printed), provinceRead, province);
    checks.put(PROVINCE_KNOWN, known(provinceRead, province));
    Piece cityRead = layout.cityLine();
    Optional<Snapped> city =
        cityRead == null
            ? Optional.empty()
            : snapper.regency(cityRead.text(), province.map(Snapped::code).orElse(null), 0.75);
    put(fields, KtpField.CITY, city.map(Snapped::printed), cityRead, city);
    checks.put(CITY_KNOWN, known(cityRead, city));

    // Birth place and date, gender: read first, the NIK checks need them.
    Piece birth = raw.get(Label.TEMPAT_TGL_LAHIR);
    LocalDate printedDate = null;
    String place = null;
    if (birth != null) {
      MatchResult m = lastMatch(DATE, birth.text());
      String placeText = birth.text();
      if (m != null) {
        placeText = birth.text().substring(0, m.start());
      } else {
        m = lastMatch(DATE_COMPACT, birth.text().replace(" ", ""));
      }
      if (m != null) {
        printedDate = date(m.group(1), m.group(2), m.group(3));
      }
      place = placeName(placeText);
    }
    Piece genderRead = raw.get(Label.JENIS_KELAMIN);
    Optional<Vocabulary.Snap> gender =
        genderRead == null ? Optional.empty() : Vocabulary.GENDER.snap(genderRead.text());
    Boolean printedFemale = gender.map(g -> g.value().equals("PEREMPUAN")).orElse(null);

    // NIK.
    Piece nikRead = raw.get(Label.NIK);
    String nik = nikRead == null ? null : nikDigits(nikRead.text());
    Map<String, CheckResult> nikChecks =
        NikRules.check(nik, printedDate, printedFemale, snapper.areas(), referenceYear);
    checks.putAll(nikChecks);
    boolean nikValid =
        nikChecks.get(NikRules.FORMAT) == CheckResult.PASS
            && nikChecks.get(NikRules.AREA) == CheckResult.PASS;
    if (nik != null && nikValid) {
      double confidence = nikRead.confidence();
      if (nikChecks.get(NikRules.BIRTH_DATE) == CheckResult.PASS && confidence >= 0.8) {
        // Two independent readings of six digits agree: the NIK is far surer than either.
        confidence = 1 - (1 - confidence) * 0.1;
      }
      fields.put(KtpField.NIK, new ExtractedField(nik, clamp(confidence)));
    } else {
      fields.put(KtpField.NIK, empty());
    }

    // Birth date: the printed one, confirmed by the NIK; or the NIK's when the printed one is
    // unreadable and the NIK itself is well-formed with a real area code.
    CheckResult fromNik = CheckResult.NOT_CHECKED;
    if (printedDate != null && nikChecks.get(NikRules.BIRTH_DATE) == CheckResult.PASS) {
      fields.put(
          KtpField.BIRTH_DATE,
          new ExtractedField(printedDate.toString(), clamp(1 - (1 - birth.confidence()) * 0.1)));
    } else if (printedDate != null) {
      fields.put(
          KtpField.BIRTH_DATE,
          new ExtractedField(printedDate.toString(), clamp(birth.confidence() * 0.5)));
    } else if (nikValid) {
      Optional<LocalDate> encoded = NikRules.birthDate(nik, referenceYear, null);
      if (encoded.isPresent()) {
        fields.put(
            KtpField.BIRTH_DATE,
            new ExtractedField(encoded.get().toString(), clamp(nikRead.confidence() * 0.9)));
        fromNik = CheckResult.PASS;
      } else {
        fields.put(KtpField.BIRTH_DATE, empty());
      }
    } else {
      fields.put(KtpField.BIRTH_DATE, empty());
    }
    checks.put(BIRTH_DATE_FROM_NIK, fromNik);
    fields.put(
        KtpField.BIRTH_PLACE,
        place == null || place.isEmpty()
            ? empty()
            : new ExtractedField(place, clamp(birth.confidence())));

    // Gender: printed, or the NIK's when unreadable.
    if (gender.isPresent()) {
      double confidence = genderRead.confidence() * gender.get().similarity();
      if (nikChecks.get(NikRules.GENDER) == CheckResult.PASS) {
        confidence = 1 - (1 - confidence) * 0.1;
      }
      fields.put(KtpField.GENDER, new ExtractedField(gender.get().value(), clamp(confidence)));
    } else if (nik != null && nikValid) {
      fields.put(
          KtpField.GENDER,
          new ExtractedField(
              NikRules.female(nik) ? "PEREMPUAN" : "LAKI-LAKI", clamp(nikRead.confidence() * 0.9)));
    } else {
      fields.put(KtpField.GENDER, empty());
    }

    Piece bloodRead = raw.get(Label.GOL_DARAH);
    String blood = bloodRead == null ? null : bloodType(bloodRead.text());
    if (blood != null) {
      fields.put(KtpField.BLOOD_TYPE, new ExtractedField(blood, clamp(bloodRead.confidence())));
    } else if (bloodRead == null && layout.labelsFound().contains(Label.GOL_DARAH)) {
      // The label was read and nothing follows it: the card prints a lone "-" there, too small
      // for the detector to box. Said with a modest confidence.
      fields.put(KtpField.BLOOD_TYPE, new ExtractedField("-", 0.6));
    } else {
      fields.put(KtpField.BLOOD_TYPE, empty());
    }

    fields.put(KtpField.NAME, text(raw.get(Label.NAMA), FieldReader::personName));
    fields.put(KtpField.ADDRESS, text(raw.get(Label.ALAMAT), FieldReader::address));
    Piece rtRwRead = raw.get(Label.RT_RW);
    String rtRw = rtRwRead == null ? null : rtRw(rtRwRead.text());
    fields.put(
        KtpField.RT_RW,
        rtRw == null ? empty() : new ExtractedField(rtRw, clamp(rtRwRead.confidence())));

    // Kecamatan within the header's regency (or the NIK's), Kel/Desa within that Kecamatan.
    Set<String> regencies = new LinkedHashSet<>();
    city.ifPresent(c -> regencies.add(c.code()));
    if (nik != null && nikValid) {
      regencies.add(nik.substring(0, 2) + "." + nik.substring(2, 4));
    }
    Piece districtRead = raw.get(Label.KECAMATAN);
    Optional<Snapped> district =
        districtRead == null
            ? Optional.empty()
            : snapper.district(districtRead.text(), regencies, 0.7);
    put(fields, KtpField.DISTRICT, district.map(Snapped::printed), districtRead, district);
    checks.put(DISTRICT_KNOWN, known(districtRead, district));
    Piece villageRead = raw.get(Label.KEL_DESA);
    Optional<Snapped> village =
        villageRead == null || district.isEmpty()
            ? Optional.empty()
            : snapper.village(villageRead.text(), district.get().code(), 0.7);
    put(fields, KtpField.VILLAGE, village.map(Snapped::printed), villageRead, village);
    checks.put(VILLAGE_KNOWN, known(villageRead, village));

    fields.put(KtpField.RELIGION, snapped(raw.get(Label.AGAMA), Vocabulary.RELIGION));
    fields.put(
        KtpField.MARITAL_STATUS,
        snapped(raw.get(Label.STATUS_PERKAWINAN), Vocabulary.MARITAL_STATUS));
    fields.put(KtpField.OCCUPATION, snapped(raw.get(Label.PEKERJAAN), Vocabulary.OCCUPATION));
    fields.put(
        KtpField.NATIONALITY, snapped(raw.get(Label.KEWARGANEGARAAN), Vocabulary.NATIONALITY));
    fields.put(KtpField.VALID_UNTIL, validUntil(raw.get(Label.BERLAKU_HINGGA)));

    if (nik != null && nikValid && province.isPresent()) {
      checks.put(
          NIK_PROVINCE_MATCHES_HEADER,
          nik.startsWith(province.get().code()) ? CheckResult.PASS : CheckResult.FAIL);
    } else {
      checks.put(NIK_PROVINCE_MATCHES_HEADER, CheckResult.NOT_CHECKED);
    }
    return new Reading(fields, checks);
  }

  /**
   * The NIK's digits; a colon read as a digit in front ({@code 2 3171…}, 17 digits) is dropped when
   * what remains is a well-formed NIK.
   */
  static String nikDigits(String read) {
    Optional<String> digits = NikRules.digits(read);
    if (digits.isPresent()) {
      return digits.get();
    }
    String compact = read.strip();
    if (compact.length() > 16) {
      Optional<String> tail = NikRules.digits(compact.substring(compact.length() - 16));
      String head = compact.substring(0, compact.length() - 16).strip();
      if (tail.isPresent() && head.length() <= 2) {
        return tail.get();
      }
    }
    return null;
  }

  static LocalDate date(String dd, String mm, String yyyy) {
    try {
      return LocalDate.of(
          Integer.parseInt(digits(yyyy)),
          Integer.parseInt(digits(mm)),
          Integer.parseInt(digits(dd)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Letters the recogniser confuses with digits, inside a field that holds only digits. */
  static String digits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(NikRules.digitFor(c));
    }
    return out.toString();
  }

  private static MatchResult lastMatch(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    MatchResult last = null;
    while (m.find()) {
      last = m.toMatchResult();
    }
    return last;
  }

  private String placeName(String text) {
    // Place names hold no digits: the recogniser's digit-for-letter confusions are undone.
    String cleaned =
        freeText(
            text.replaceAll("[,.\\s]+$", "")
                .replace('0', 'O')
                .replace('1', 'I')
                .replace('5', 'S')
                .replace('8', 'B'));
    if (cleaned == null || cleaned.isEmpty()) {
      return null;
    }
    // A close regency or city name is taken in its real spelling; anything else stays as read
    // (people are born in villages too).
    return snapper.placeName(cleaned, 0.85).map(Snapped::printed).orElse(cleaned);
  }

  /** Upper case letters, spaces and the punctuation names carry ({@code . , ' -}). */
  public static String personName(String text) {
    String upper = TextDistance.normalize(text);
    StringBuilder out = new StringBuilder(upper.length());
    for (char c : upper.toCharArray()) {
      if (c >= '0' && c <= '9') {
        // No name holds a digit: it is a letter misread. Dropping it would deliver a wrong name
        // (1 NYOMAN for I NYOMAN became NYOMAN); the look-alikes become their letter, and any
        // other digit makes the name unreadable rather than guessed.
        char letter = DIGIT_AS_LETTER.charAt(c - '0');
        if (letter == '?') {
          return null;
        }
        out.append(letter);
      } else if ((c >= 'A' && c <= 'Z')
          || c == ' '
          || c == '.'
          || c == ','
          || c == '\''
          || c == '-') {
        out.append(c);
      }
    }
    String name = out.toString().replaceAll("\\s+", " ").replaceAll("^[\\s.,'-]+|[\\s,'-]+$", "");
    if (!DEGREE.matcher(name).find()) {
      // A comma after a name's abbreviation and before more of the name is the abbreviation's
      // period read as a comma (ST. AISYAH, MUH. IRWAN, ANDI ST. AISYAH): a name's comma comes
      // before degrees (S.PD, S.H., SE), at its end.
      name = ABBREVIATION_COMMA.matcher(name).replaceAll("$1.");
    }
    return name.isEmpty() ? null : name;
  }

  /** The letter each digit stands for in a name, by shape; {@code ?} where none is sure. */
  private static final String DIGIT_AS_LETTER = "OI???S??B?";

  /**
   * An abbreviation of Indonesian names ({@code ST.} Siti, {@code MUH.}/{@code MOH.} Muhammad,
   * {@code ABD.} Abdul, {@code NY.} Nyonya, {@code BR.} Boru, {@code H.}/{@code HJ.} Haji/Hajah, a
   * lone initial) followed by a comma and a word of three letters or more.
   */
  private static final Pattern ABBREVIATION_COMMA =
      Pattern.compile(
          "(?<![A-Z'.-])(ST|MUH|MUHD|MOH|MOCH|MOHD|ABD|NY|BR|HJ|H|[A-Z]),(?= ?[A-Z]{3})");

  /** An academic degree as printed after a name: letters with a period inside (S.PD, M.SI). */
  private static final Pattern DEGREE = Pattern.compile("[A-Z]\\.[A-Z]");

  /**
   * An address line: inside a word that holds digits ({@code NO. 5O}, {@code 5OB}) a letter O is
   * the digit 0 (house numbers carry letters after digits, not O). The abbreviations a KTP's
   * address is written with ({@code JL.}, {@code GG.}, {@code DSN.}, …) end in a period: one read
   * as a comma is the period ({@code DSN, SUMBERSARI}). A street's or alley's abbreviation read
   * glued to the word before it ({@code PATTIMURA IGG.}, {@code NO. 7JL.}) is a word of its own: no
   * word ends in {@code GG.} or {@code JL.} (seed 8989's benchmark set: five of the fifteen
   * extracted cards not exact in every field were these).
   */
  static String address(String text) {
    String normal = freeText(text);
    if (normal == null) {
      return null;
    }
    normal = ADDRESS_ABBREVIATION_COMMA.matcher(normal).replaceAll("$1.");
    normal = GLUED_STREET.matcher(normal).replaceAll(" $1.");
    StringBuilder out = new StringBuilder(normal.length());
    for (String word : normal.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(
          word.chars().anyMatch(Character::isDigit)
              ? word.replaceAll("(?<=\\d)O|O(?=\\d)", "0")
              : word);
    }
    return out.toString();
  }

  /** An address abbreviation followed by a comma where its period belongs. */
  private static final Pattern ADDRESS_ABBREVIATION_COMMA =
      Pattern.compile("(?<![A-Z])(JL|GG|DSN|KP|BR|LINGK|KOMP|NO),(?= )");

  /** {@code GG.} or {@code JL.} read glued to the letter or digit before it. */
  private static final Pattern GLUED_STREET = Pattern.compile("(?<=[A-Z0-9])(GG|JL)\\.(?= |$)");

  static String freeText(String text) {
    String normal = TextDistance.normalize(text).replaceAll("^[\\s.,:;]+", "").strip();
    return normal.isEmpty() ? null : normal;
  }

  static String bloodType(String text) {
    String t = TextDistance.normalize(text).replace(" ", "").replace('0', 'O');
    if (t.isEmpty()) {
      return null;
    }
    if (t.equals("-") || t.equals("--") || t.equals(".")) {
      return "-";
    }
    return Vocabulary.BLOOD_TYPE.values().contains(t) ? t : null;
  }

  /** {@code 001/002}; digits repaired; a missing zero padding restored. */
  static String rtRw(String text) {
    String t = digits(TextDistance.normalize(text).replace(" ", "")).replace('\\', '/');
    Matcher m = Pattern.compile("^(\\d{1,3})/(\\d{1,3})$").matcher(t);
    if (m.matches()) {
      return String.format(
          Locale.ROOT, "%03d/%03d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if (t.matches("\\d{6}")) {
      return t.substring(0, 3) + "/" + t.substring(3);
    }
    if (t.matches("\\d{3}.\\d{3}")) {
      return t.substring(0, 3) + "/" + t.substring(4);
    }
    return null;
  }

  private ExtractedField validUntil(Piece read) {
    if (read == null) {
      return empty();
    }
    String text = TextDistance.normalize(read.text());
    double lifetime = TextDistance.similarity(text.replace(" ", ""), "SEUMURHIDUP");
    if (lifetime >= 0.7) {
      return new ExtractedField("SEUMUR HIDUP", clamp(read.confidence() * lifetime));
    }
    MatchResult m = lastMatch(DATE, text);
    if (m == null) {
      m = lastMatch(DATE_COMPACT, text.replace(" ", ""));
    }
    LocalDate date = m == null ? null : date(m.group(1), m.group(2), m.group(3));
    return date == null ? empty() : new ExtractedField(date.toString(), clamp(read.confidence()));
  }

  private static ExtractedField snapped(Piece read, Vocabulary vocabulary) {
    if (read == null) {
      return empty();
    }
    return vocabulary
        .snap(read.text())
        .map(s -> new ExtractedField(s.value(), clamp(read.confidence() * s.similarity())))
        .orElseGet(FieldReader::empty);
  }

  private static ExtractedField text(
      Piece read, java.util.function.UnaryOperator<String> normalise) {
    if (read == null) {
      return empty();
    }
    String value = normalise.apply(read.text());
    return value == null ? empty() : new ExtractedField(value, clamp(read.confidence()));
  }

  /**
   * A snapped area name, or the text as read (with a lower confidence) when no real name is close:
   * the partner still sees what the card says, and the check says it is not a known name.
   */
  private static void put(
      Map<KtpField, ExtractedField> fields,
      KtpField field,
      Optional<String> snappedValue,
      Piece read,
      Optional<Snapped> snap) {
    if (snappedValue.isPresent()) {
      fields.put(
          field,
          new ExtractedField(
              snappedValue.get(), clamp(read.confidence() * snap.get().similarity())));
    } else if (read != null && freeText(read.text()) != null) {
      fields.put(field, new ExtractedField(freeText(read.text()), clamp(read.confidence() * 0.5)));
    } else {
      fields.put(field, empty());
    }
  }

  private static CheckResult known(Piece read, Optional<Snapped> snap) {
    if (read == null) {
      return CheckResult.NOT_CHECKED;
    }
    return snap.isPresent() ? CheckResult.PASS : CheckResult.FAIL;
  }

  private static ExtractedField empty() {
    return new ExtractedField(null, 0);
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }
}
