package id.ktpscan.ocr.validate;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.CardLayout.Piece;
import id.ktpscan.ocr.layout.Label;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldReaderTests {

  private static FieldReader reader;
  private Map<Label, Piece> raw;
  private String province;
  private String city;

  @BeforeAll
  static void load() {
    reader = new FieldReader(AreaDirectory.load(), 2026);
  }

  @BeforeEach
  void card() {
    raw = new EnumMap<>(Label.class);
    put(Label.NIK, "3204054107950004");
    put(Label.NAMA, "SITI NURHALIZA PUTRI");
    put(Label.TEMPAT_TGL_LAHIR, "BANDUNG, 01-07-1995");
    put(Label.JENIS_KELAMIN, "PEREMPUAN");
    put(Label.GOL_DARAH, "O");
    put(Label.ALAMAT, "JL. CIBADUYUT RAYA NO. 12");
    put(Label.RT_RW, "003/007");
    put(Label.KEL_DESA, "CINUNUK");
    put(Label.KECAMATAN, "CILEUNYI");
    put(Label.AGAMA, "ISLAM");
    put(Label.STATUS_PERKAWINAN, "BELUM KAWIN");
    put(Label.PEKERJAAN, "KARYAWAN SWASTA");
    put(Label.KEWARGANEGARAAN, "WNI");
    put(Label.BERLAKU_HINGGA, "SEUMUR HIDUP");
    province = "JAWA BARAT";
    city = "KABUPATEN BANDUNG";
  }

  private void put(Label label, String text) {
    raw.put(label, new Piece(text, 0.95));
  }

  /** Every label of the card was read, whether or not a value followed it. */
  private static Set<Label> labels() {
    return Set.of(Label.values());
  }

  private FieldReader.Reading read() {
    return reader.read(
        new CardLayout.Result(
            raw,
            province == null ? null : new Piece(province, 0.95),
            city == null ? null : new Piece(city, 0.95),
            labels()));
  }

  @Test
  void aCleanReadingPassesEveryCheck() {
    FieldReader.Reading r = read();
    assertThat(r.checks()).doesNotContainValue(CheckResult.FAIL);
    assertThat(r.value(KtpField.NIK)).isEqualTo("3204054107950004");
    assertThat(r.value(KtpField.BIRTH_DATE)).isEqualTo("1995-07-01");
    assertThat(r.value(KtpField.BIRTH_PLACE)).isEqualTo("BANDUNG");
    assertThat(r.value(KtpField.GENDER)).isEqualTo("PEREMPUAN");
    assertThat(r.value(KtpField.VILLAGE)).isEqualTo("CINUNUK");
    assertThat(r.value(KtpField.DISTRICT)).isEqualTo("CILEUNYI");
    assertThat(r.value(KtpField.CITY)).isEqualTo("KABUPATEN BANDUNG");
    assertThat(r.value(KtpField.PROVINCE)).isEqualTo("JAWA BARAT");
    assertThat(r.value(KtpField.VALID_UNTIL)).isEqualTo("SEUMUR HIDUP");
    assertThat(r.confidence(KtpField.NIK)).isGreaterThan(0.99);
  }

  @Test
  void lettersReadForDigitsAreRepairedWhenTheChecksConfirm() {
    put(Label.NIK, "32O4O541O795OOO4");
    put(Label.TEMPAT_TGL_LAHIR, "BANDUNG, O1-O7-1995");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.NIK)).isEqualTo("3204054107950004");
    assertThat(r.value(KtpField.BIRTH_DATE)).isEqualTo("1995-07-01");
    assertThat(r.checks().get(NikRules.BIRTH_DATE)).isEqualTo(CheckResult.PASS);
  }

  @Test
  void aColonReadAsADigitBeforeTheNikIsDropped() {
    put(Label.NIK, "2 3204054107950004");
    assertThat(read().value(KtpField.NIK)).isEqualTo("3204054107950004");
  }

  @Test
  void anUnreadablePrintedDateIsTakenFromAValidNik() {
    put(Label.TEMPAT_TGL_LAHIR, "BANDUNG, ##-##-####");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.BIRTH_DATE)).isEqualTo("1995-07-01");
    assertThat(r.checks().get(FieldReader.BIRTH_DATE_FROM_NIK)).isEqualTo(CheckResult.PASS);
  }

  @Test
  void aDateThatContradictsTheNikFailsTheCheckAndIsNotTrusted() {
    put(Label.TEMPAT_TGL_LAHIR, "BANDUNG, 07-07-1995");
    FieldReader.Reading r = read();
    assertThat(r.checks().get(NikRules.BIRTH_DATE)).isEqualTo(CheckResult.FAIL);
    assertThat(r.confidence(KtpField.BIRTH_DATE)).isLessThan(0.5);
  }

  @Test
  void anInvalidNikIsNotDelivered() {
    put(Label.NIK, "3171234567890123");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.NIK)).isNull();
    assertThat(r.checks().get(NikRules.FORMAT)).isEqualTo(CheckResult.FAIL);
  }

  @Test
  void closedVocabulariesSnapToTheirCanonicalSpelling() {
    put(Label.AGAMA, "KATHOLIK");
    put(Label.STATUS_PERKAWINAN, "BELUMKAWIN");
    put(Label.PEKERJAAN, "KARYAWANSWASTA");
    put(Label.JENIS_KELAMIN, "PEREMPUAM");
    put(Label.GOL_DARAH, "0");
    put(Label.BERLAKU_HINGGA, "SEUMURHIDUP");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.RELIGION)).isEqualTo("KATOLIK");
    assertThat(r.value(KtpField.MARITAL_STATUS)).isEqualTo("BELUM KAWIN");
    assertThat(r.value(KtpField.OCCUPATION)).isEqualTo("KARYAWAN SWASTA");
    assertThat(r.value(KtpField.GENDER)).isEqualTo("PEREMPUAN");
    assertThat(r.value(KtpField.BLOOD_TYPE)).isEqualTo("O");
    assertThat(r.value(KtpField.VALID_UNTIL)).isEqualTo("SEUMUR HIDUP");
  }

  @Test
  void areaNamesSnapInsideTheCardsRegencyOnly() {
    put(Label.KECAMATAN, "CILEUNYl");
    put(Label.KEL_DESA, "CINUNUX");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.DISTRICT)).isEqualTo("CILEUNYI");
    assertThat(r.value(KtpField.VILLAGE)).isEqualTo("CINUNUK");
    assertThat(r.checks().get(FieldReader.VILLAGE_KNOWN)).isEqualTo(CheckResult.PASS);
  }

  @Test
  void aNameFarFromEveryRealOneIsKeptAsReadAndFlagged() {
    put(Label.KEL_DESA, "ZZZZQQQ");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.VILLAGE)).isEqualTo("ZZZZQQQ");
    assertThat(r.checks().get(FieldReader.VILLAGE_KNOWN)).isEqualTo(CheckResult.FAIL);
  }

  @Test
  void jakartaHeadersAndDateValidity() {
    raw.put(Label.NIK, new Piece("3175044107950004", 0.95));
    province = "DKI JAKARTA";
    city = "JAKARTA TIMUR";
    put(Label.BERLAKU_HINGGA, "17-08-2027");
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.PROVINCE)).isEqualTo("DKI JAKARTA");
    assertThat(r.value(KtpField.CITY)).isEqualTo("JAKARTA TIMUR");
    assertThat(r.value(KtpField.VALID_UNTIL)).isEqualTo("2027-08-17");
    assertThat(r.checks().get(FieldReader.NIK_PROVINCE_MATCHES_HEADER)).isEqualTo(CheckResult.PASS);
  }

  @Test
  void aGolDarahLabelWithNothingAfterItIsTheLoneDash() {
    raw.remove(Label.GOL_DARAH);
    FieldReader.Reading r = read();
    assertThat(r.value(KtpField.BLOOD_TYPE)).isEqualTo("-");
    assertThat(r.confidence(KtpField.BLOOD_TYPE)).isLessThan(0.9);
  }

  @Test
  void digitsReadInAPlaceNameAreLetters() {
    put(Label.TEMPAT_TGL_LAHIR, "G0WA, 01-07-1995");
    assertThat(read().value(KtpField.BIRTH_PLACE)).isEqualTo("GOWA");
  }

  @Test
  void normalisers() {
    assertThat(FieldReader.address("JL. SILIWANGI NO. 5O BLOK 5OB"))
        .isEqualTo("JL. SILIWANGI NO. 50 BLOK 50B");
    assertThat(FieldReader.address("DUSUN OMBO")).isEqualTo("DUSUN OMBO");
    // Seed 8989's benchmark set: an abbreviation's period read as a comma, GG./JL. glued on.
    assertThat(FieldReader.address("DSN, SUMBERSARI")).isEqualTo("DSN. SUMBERSARI");
    assertThat(FieldReader.address("JALAN MERDEKA NO 9 GG, SUDIRMAN"))
        .isEqualTo("JALAN MERDEKA NO 9 GG. SUDIRMAN");
    assertThat(FieldReader.address("JL PATTIMURA IGG. CUT NYAK DIEN V"))
        .isEqualTo("JL PATTIMURA I GG. CUT NYAK DIEN V");
    assertThat(FieldReader.address("JL. FLAMBOYAN II NO. 1GG. PELITA"))
        .isEqualTo("JL. FLAMBOYAN II NO. 1 GG. PELITA");
    assertThat(FieldReader.address("KOMPLEK SEKOLAH TINGGI BLOK E NO. 7JL. HASANUDDIN"))
        .isEqualTo("KOMPLEK SEKOLAH TINGGI BLOK E NO. 7 JL. HASANUDDIN");
    // A comma after a word that is no abbreviation, and words merely holding GG or JL, stay.
    assertThat(FieldReader.address("KP. SUKAMAJU, RAYA")).isEqualTo("KP. SUKAMAJU, RAYA");
    assertThat(FieldReader.address("GG. ANGGREK NO. 5")).isEqualTo("GG. ANGGREK NO. 5");
    assertThat(FieldReader.address("JL. MANGGA NO.24")).isEqualTo("JL. MANGGA NO.24");
    assertThat(FieldReader.rtRw("3/7")).isEqualTo("003/007");
    assertThat(FieldReader.rtRw("OO3/OO7")).isEqualTo("003/007");
    assertThat(FieldReader.rtRw("003007")).isEqualTo("003/007");
    assertThat(FieldReader.rtRw("ABC")).isNull();
    assertThat(FieldReader.personName(": siti  nur'aini, S.Pd ")).isEqualTo("SITI NUR'AINI, S.PD");
    assertThat(FieldReader.personName("：ＢＵＤＩ")).isEqualTo("BUDI");
    // An abbreviation's period read as a comma; a degree's comma stays.
    assertThat(FieldReader.personName("ST, AISYAH")).isEqualTo("ST. AISYAH");
    // A digit in a name is a misread letter: the look-alikes become the letter, never dropped.
    assertThat(FieldReader.personName(": 1 NYOMAN DARMA")).isEqualTo("I NYOMAN DARMA");
    assertThat(FieldReader.personName("K0MALA5ARI")).isEqualTo("KOMALASARI");
    assertThat(FieldReader.personName("SU8ARDI")).isEqualTo("SUBARDI");
    assertThat(FieldReader.personName("SUR4TNO")).isNull();
    assertThat(FieldReader.personName("BUDI 7")).isNull();
    assertThat(FieldReader.personName("MUH, IRWAN SAPUTRA")).isEqualTo("MUH. IRWAN SAPUTRA");
    assertThat(FieldReader.personName("ANI, S.PD")).isEqualTo("ANI, S.PD");
    // Both KTP models read the period of a Bugis ST. inside a name as a comma, even on clean
    // renders (seed 202, docs/benchmarks.md); a degree after a comma stays as printed.
    assertThat(FieldReader.personName("NURLIAH ST, NURHALIZA")).isEqualTo("NURLIAH ST. NURHALIZA");
    assertThat(FieldReader.personName("ANDI ST,AISYAH")).isEqualTo("ANDI ST.AISYAH");
    assertThat(FieldReader.personName("BUDI, SE")).isEqualTo("BUDI, SE");
    assertThat(FieldReader.personName("DEWI, SKM")).isEqualTo("DEWI, SKM");
    assertThat(FieldReader.personName("AGUS, H, ABDULLAH")).isEqualTo("AGUS, H. ABDULLAH");
    assertThat(FieldReader.personName("SARMAULI AMELIA BR, TARIGAN"))
        .isEqualTo("SARMAULI AMELIA BR. TARIGAN");
    assertThat(FieldReader.personName("HARYANTO, SH")).isEqualTo("HARYANTO, SH");
    assertThat(FieldReader.bloodType("AB")).isEqualTo("AB");
    assertThat(FieldReader.bloodType("-")).isEqualTo("-");
    assertThat(FieldReader.bloodType("X")).isNull();
  }
}
