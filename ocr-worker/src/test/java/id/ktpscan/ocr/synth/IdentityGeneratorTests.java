package id.ktpscan.ocr.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.area.AreaDirectory.Area;
import id.ktpscan.ocr.validate.NikRules;
import id.ktpscan.ocr.validate.TextDistance;
import id.ktpscan.ocr.validate.Vocabulary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityGeneratorTests {

  private static final AreaDirectory areas = SynthFixtures.AREAS;
  private static final IdentityGenerator generator = SynthFixtures.GENERATOR;

  @Test
  void sameSeedGivesSameIdentity() {
    assertEquals(generator.next(new Random(42)), generator.next(new Random(42)));
  }

  @Test
  void consecutiveSeedsGiveVariedIdentities() {
    Set<String> genders = new HashSet<>();
    Set<String> provinces = new HashSet<>();
    for (int seed = 0; seed < 40; seed++) {
      Identity identity = generator.next(new Random(seed));
      genders.add(identity.get(KtpField.GENDER));
      provinces.add(identity.get(KtpField.PROVINCE));
    }
    assertEquals(2, genders.size());
    assertTrue(provinces.size() >= 5, provinces::toString);
  }

  @Test
  void nikAgreesWithBirthDateGenderAndArea() {
    for (int seed = 0; seed < 300; seed++) {
      Identity identity = generator.next(new Random(seed));
      String nik = identity.get(KtpField.NIK);
      Map<String, CheckResult> checks =
          NikRules.check(nik, identity.birthDate(), identity.female(), areas, 2025);
      assertTrue(
          checks.values().stream().allMatch(c -> c == CheckResult.PASS),
          () -> nik + " " + checks + " " + identity.fields());
      long age = ChronoUnit.YEARS.between(identity.birthDate(), IdentityGenerator.REFERENCE_DATE);
      assertTrue(age >= 17 && age <= 80, () -> "age " + age);
    }
  }

  @Test
  void villageLiesInThePrintedDistrictAndCity() {
    for (int seed = 0; seed < 300; seed++) {
      Identity identity = generator.next(new Random(seed));
      Area village = areas.find(identity.villageCode()).orElseThrow();
      Area district = parent(village);
      Area regency = parent(district);
      assertEquals(identity.get(KtpField.VILLAGE), village.name());
      assertEquals(identity.get(KtpField.DISTRICT), district.name());
      String city = identity.get(KtpField.CITY);
      assertTrue(
          regency
              .name()
              .replace(" ADMINISTRASI", "")
              .endsWith(city.replaceFirst("^(KOTA|KABUPATEN) ", "")),
          () -> city + " vs " + regency.name());
    }
  }

  @Test
  void valuesAreInNormalisedForm() {
    for (int seed = 0; seed < 300; seed++) {
      Identity identity = generator.next(new Random(seed));
      for (KtpField field : KtpField.values()) {
        String value = identity.get(field);
        assertTrue(!value.isBlank(), field::toString);
        assertEquals(TextDistance.normalize(value), value, field.toString());
      }
      assertTrue(Vocabulary.RELIGION.values().contains(identity.get(KtpField.RELIGION)));
      assertTrue(
          Vocabulary.MARITAL_STATUS.values().contains(identity.get(KtpField.MARITAL_STATUS)));
      assertTrue(Vocabulary.OCCUPATION.values().contains(identity.get(KtpField.OCCUPATION)));
      assertTrue(identity.get(KtpField.RT_RW).matches("\\d{3}/\\d{3}"));
      String validUntil = identity.get(KtpField.VALID_UNTIL);
      assertTrue(
          validUntil.equals("SEUMUR HIDUP")
              || LocalDate.parse(validUntil).isAfter(identity.issueDate()));
    }
  }

  private static Area parent(Area area) {
    return areas.find(area.code().substring(0, area.code().lastIndexOf('.'))).orElseThrow();
  }
}
