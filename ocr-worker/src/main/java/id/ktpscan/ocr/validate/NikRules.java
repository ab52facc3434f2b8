package id.ktpscan.ocr.validate;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.ocr.area.AreaDirectory;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The NIK: {@code PP KK CC DDMMYY SSSS}: province, regency or city, district (the Kemendagri code
 * where the NIK was registered), the birth date with 40 added to the day for women, and a serial
 * from 0001.
 */
public final class NikRules {

  /** Checks of a NIK, by name, as the result's {@code checks} object carries them. */
  public static final String FORMAT = "nikFormat";

  public static final String AREA = "nikAreaCode";
  public static final String BIRTH_DATE = "nikBirthDate";
  public static final String GENDER = "nikGender";

  /** Older than this, a printed birth year is taken for a misreading. */
  static final int MAX_AGE = 110;

  private NikRules() {}

  /**
   * The 16 digits of a read NIK: separators dropped, letters the recogniser confuses with digits
   * mapped (O/Q/D→0, I/L/|→1, Z→2, S→5, G→6, B→8). Empty when another letter is present or not
   * exactly 16 digits remain; the caller trusts a mapped NIK only when the checks confirm it.
   */
  public static Optional<String> digits(String read) {
    if (read == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(16);
    for (char c : read.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      char digit = digitFor(c);
      if (digit >= '0' && digit <= '9') {
        out.append(digit);
      } else if (Character.isLetter(c)) {
        return Optional.empty();
      }
    }
    return out.length() == 16 ? Optional.of(out.toString()) : Optional.empty();
  }

  /**
   * The digit a letter the recogniser confuses with one stands for (O/Q/D→0, I/L/|/!→1, Z→2, S→5,
   * G→6, B→8, either case); any other character unchanged.
   */
  public static char digitFor(char c) {
    return switch (Character.toUpperCase(c)) {
      case 'O', 'Q', 'D' -> '0';
      case 'I', 'L', '|', '!' -> '1';
      case 'Z' -> '2';
      case 'S' -> '5';
      case 'G' -> '6';
      case 'B' -> '8';
      default -> c;
    };
  }

  /** Whether the NIK says the holder is a woman (day field above 40). */
  public static boolean female(String nik) {
    return Integer.parseInt(nik.substring(6, 8)) > 40;
  }

  /**
   * The birth date the NIK encodes. The century is the one that makes the holder at least 17 (the
   * age of a first KTP) in {@code referenceYear}; {@code hint}, when given (the printed year),
   * decides instead.
   */
  public static Optional<LocalDate> birthDate(String nik, int referenceYear, Integer hintYear) {
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    int yy = Integer.parseInt(nik.substring(10, 12));
    if (day > 40) {
      day -= 40;
    }
    int year;
    // The printed year decides the century only when it gives a plausible age: a misread
    // 1994 → 1894 must not confirm itself.
    if (hintYear != null
        && hintYear % 100 == yy
        && referenceYear - hintYear >= 0
        && referenceYear - hintYear <= MAX_AGE) {
      year = hintYear;
    } else {
      year = 2000 + yy <= referenceYear - 17 ? 2000 + yy : 1900 + yy;
    }
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks a NIK against its own structure, the area codes, and the printed birth date and gender.
   *
   * @param nik 16 digits, or null when none was read
   * @param printedBirthDate the date read from Tempat/Tgl Lahir, or null
   * @param printedFemale the gender read from Jenis Kelamin (true for PEREMPUAN), or null
   */
  public static Map<String, CheckResult> check(
      String nik,
      LocalDate printedBirthDate,
      Boolean printedFemale,
      AreaDirectory areas,
      int referenceYear) {
    Map<String, CheckResult> checks = new LinkedHashMap<>();
    boolean wellFormed = nik != null && nik.matches("\\d{16}") && !nik.endsWith("0000");
    Optional<LocalDate> encoded =
        wellFormed
            ? birthDate(
                nik, referenceYear, printedBirthDate == null ? null : printedBirthDate.getYear())
            : Optional.empty();
    wellFormed = wellFormed && encoded.isPresent();
    checks.put(FORMAT, wellFormed ? CheckResult.PASS : CheckResult.FAIL);
    if (!wellFormed) {
      checks.put(AREA, CheckResult.NOT_CHECKED);
      checks.put(BIRTH_DATE, CheckResult.NOT_CHECKED);
      checks.put(GENDER, CheckResult.NOT_CHECKED);
      return checks;
    }
    checks.put(AREA, areas.districtOfNik(nik).isPresent() ? CheckResult.PASS : CheckResult.FAIL);
    checks.put(
        BIRTH_DATE,
        printedBirthDate == null
            ? CheckResult.NOT_CHECKED
            : encoded.get().equals(printedBirthDate) ? CheckResult.PASS : CheckResult.FAIL);
    checks.put(
        GENDER,
        printedFemale == null
            ? CheckResult.NOT_CHECKED
            : printedFemale == female(nik) ? CheckResult.PASS : CheckResult.FAIL);
    return checks;
  }
}
