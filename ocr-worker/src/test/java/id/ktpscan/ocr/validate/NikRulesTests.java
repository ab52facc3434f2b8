package id.ktpscan.ocr.validate;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.ocr.area.AreaDirectory;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NikRulesTests {

  private static AreaDirectory areas;

  @BeforeAll
  static void load() {
    areas = AreaDirectory.load();
  }

  @Test
  void theBundledAreaDataHoldsEveryLevel() {
    assertThat(areas.size()).isGreaterThan(90_000);
    assertThat(areas.provinces()).hasSize(38);
    assertThat(areas.find("32.04.05").orElseThrow().name()).isEqualTo("CILEUNYI");
  }

  @Test
  void aWomansNikCarriesTheDayPlusForty() {
    String nik = "3204054107950004";
    assertThat(NikRules.female(nik)).isTrue();
    assertThat(NikRules.birthDate(nik, 2026, null)).contains(LocalDate.of(1995, 7, 1));
    Map<String, CheckResult> checks =
        NikRules.check(nik, LocalDate.of(1995, 7, 1), true, areas, 2026);
    assertThat(checks).containsValues(CheckResult.PASS).doesNotContainValue(CheckResult.FAIL);
  }

  @Test
  void thePublicSpecimenNikIsInvalid() {
    // 3171234567890123: month 45.
    Map<String, CheckResult> checks = NikRules.check("3171234567890123", null, null, areas, 2026);
    assertThat(checks.get(NikRules.FORMAT)).isEqualTo(CheckResult.FAIL);
  }

  @Test
  void serialZeroAndUnknownAreasFail() {
    assertThat(NikRules.check("3204054107950000", null, null, areas, 2026).get(NikRules.FORMAT))
        .isEqualTo(CheckResult.FAIL);
    assertThat(NikRules.check("3299054107950004", null, null, areas, 2026).get(NikRules.AREA))
        .isEqualTo(CheckResult.FAIL);
  }

  @Test
  void printedDateAndGenderAreCrossChecked() {
    Map<String, CheckResult> checks =
        NikRules.check("3204054107950004", LocalDate.of(1995, 7, 2), false, areas, 2026);
    assertThat(checks.get(NikRules.BIRTH_DATE)).isEqualTo(CheckResult.FAIL);
    assertThat(checks.get(NikRules.GENDER)).isEqualTo(CheckResult.FAIL);
  }

  @Test
  void theCenturyFollowsThePrintedYearOrTheAgeOfAFirstKtp() {
    assertThat(NikRules.birthDate("3204051107050004", 2026, null))
        .contains(LocalDate.of(2005, 7, 11));
    assertThat(NikRules.birthDate("3204051107150004", 2026, null))
        .contains(LocalDate.of(1915, 7, 11));
    // The printed year decides where both centuries are possible: 1912 by age, 2012 as printed.
    assertThat(NikRules.birthDate("3204051107120004", 2026, null))
        .contains(LocalDate.of(1912, 7, 11));
    assertThat(NikRules.birthDate("3204051107120004", 2026, 2012))
        .contains(LocalDate.of(2012, 7, 11));
    // A printed 1894 is a misread 1994: it does not pick the century.
    assertThat(NikRules.birthDate("3204051107940004", 2026, 1894))
        .contains(LocalDate.of(1994, 7, 11));
  }

  @Test
  void digitsRepairsConfusableLettersOnly() {
    assertThat(NikRules.digits("32O4O5 41O7 95OOO4")).contains("3204054107950004");
    assertThat(NikRules.digits("3204054107950O4X")).isEmpty();
    assertThat(NikRules.digits("320405410795000")).isEmpty();
  }
}
