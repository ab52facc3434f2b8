package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.area.CutHeader;
import id.ktpscan.ocr.layout.Label;
import id.ktpscan.ocr.layout.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How loose text read from a whole photo tells a cut-off KTP from another card. */
class PhotoTextTests {

  private static final CutHeader CUT_HEADER = CutHeader.of(AreaDirectory.load());

  private static CardReader.PhotoText photoText(List<Token> tokens) {
    return CardReader.photoText(tokens, CUT_HEADER);
  }

  private static boolean showsKtp(String... texts) {
    return photoText(tokens(texts)).showsKtp();
  }

  private static List<Token> tokens(String... texts) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new Token(texts[i], 0.99, 10, 40 * i, 300, 40 * i + 30));
    }
    return out;
  }

  @Test
  void aKtpWithItsLabelsShows() {
    assertThat(showsKtp("NIK", ": 3204054107950004", "Nama", "Agama")).isTrue();
    assertThat(showsKtp("RT/RW", "Kel/Desa", "Kecamatan", "Alamat", "Agama")).isTrue();
  }

  @Test
  void aKtpCutOffOnItsLabelSideShowsByItsNikUnderTheHeader() {
    // The frame cut the label column: "NIK", "Nama" … are gone, the values remain.
    CardReader.PhotoText seen =
        photoText(
            tokens(
                "PROVINSI JAWA TIMUR", "KABUPATEN SUMENEP", ":3529192801770038", ": ADI SANTOSO"));

    assertThat(seen.showsKtp()).isTrue();
    assertThat(seen.words()).isEqualTo(4);
  }

  @Test
  void aKtpCutOffWithItsNikShowsByItsTwoHeaderLines() {
    // Cut further: the NIK lost its first digits, only the header and values remain.
    assertThat(showsKtp("PROVINSI JAWA TENGAH", "KABUPATEN SEMARANG", "016608040167", "FAH"))
        .isTrue();
    assertThat(showsKtp("PROVINSI ACEH", "Gol. Darah : -", "LANGSA")).isTrue();
  }

  @Test
  void aKtpCutOffAtTheTopAndLeftShowsByItsClosedValues() {
    assertThat(showsKtp("YENI MASRUROH", "PEREMPUAN", ": 004/002", ": ISLAM", ": KAWIN", "ga"))
        .isTrue();
    // A driving licence words gender its own way, and two kinds are not enough.
    assertThat(showsKtp("1. Nama", "HARYANTO", "O - PRIA", ": ISLAM", ": WNI")).isFalse();
  }

  @Test
  void aKtpCutThroughItsLabelsShowsByWhatIsLeftOfThemBesideItsValues() {
    // Fresh negatives-only seed 5656's negative 89, as read from the whole photo.
    assertThat(
            showsKtp(
                "Kelamin",
                ": LAKI-LAKI",
                "Gol. Darah : -",
                "RW",
                ": 001/06",
                "Desa",
                "amatan",
                ": ISLAM",
                "24-02-2017"))
        .isTrue();
    assertThat(CardReader.cutLabels(tokens("Kelamin", "amatan", "Desa", "Nama"), Set.of()))
        .isEqualTo(2);
    // Two kinds of values need three labels beside them; a label's whole word is no cut label.
    assertThat(showsKtp(": LAKI-LAKI", ": ISLAM", "Gol. Darah : -", "amatan")).isFalse();
    assertThat(CardReader.cutLabels(tokens("AGAMA", "KELAMIN"), Set.of(Label.JENIS_KELAMIN)))
        .isZero();
  }

  @Test
  void aPaymentCardsNumberShowsAnotherCard() {
    // Fresh negatives-only seed 5656's negative 1: a bank card, no label on it.
    assertThat(
            photoText(tokens("BANK ARTHA RAYA", "GOLD", "5372 6778 2794 7128", "VALID", "09/28"))
                .showsAnotherCard())
        .isTrue();
    // A NIK is one run of digits; a number in other groups is no card number.
    assertThat(photoText(tokens("3204054107950004", "WNI")).showsAnotherCard()).isFalse();
    assertThat(photoText(tokens("1234-5678-1234-5678")).showsAnotherCard()).isFalse();
  }

  @Test
  void aKtpCutThroughItsValuesShowsByWhatIsLeftOfThem() {
    // Fresh negatives-only seed 6666's negative 19, as read from the whole photo: the frame cut
    // the labels and the start of each value.
    assertThat(
            showsKtp(
                "MDAN LUTFI",
                "TARAM, 15-12-2005",
                "I-LAKI",
                "Gol. Darah : -",
                "UM KAWIN",
                "AJAR/MAHASISWA",
                "MUR HIDUP"))
        .isTrue();
    // Ends shorter than six characters are common words' ends: HIDUP ends CERAI HIDUP and SEUMUR
    // HIDUP, MPUAN ends PEREMPUAN.
    assertThat(showsKtp("HIDUP", "MPUAN", "KAWIN")).isFalse();
    assertThat(CardReader.ktpValues(tokens("HIDUP", "MPUAN", "KAWIN"))).isEqualTo(1);
    assertThat(CardReader.ktpValues(tokens("EMPUAN", "ERAI HIDUP", "R HIDUP"))).isEqualTo(3);
  }

  @Test
  void anotherCardOrANumberAloneDoesNot() {
    assertThat(showsKtp("KARTU ANGGOTA", "Nama", ": HARYANTO", "Alamat")).isFalse();
    // Sixteen digits without a NIK's date part (day 32, month 13), or without any KTP context.
    assertThat(showsKtp("PROVINSI JAMBI", "3204053213950004")).isFalse();
    assertThat(showsKtp("4111 1111 1111 1111")).isFalse();
    assertThat(showsKtp("KOTA BLITAR", "BANK ARTHA RAYA")).isFalse();
  }

  @Test
  void aKtpCutOnTheLeftShowsByWhatIsLeftOfItsHeader() {
    // Seed 1234's neg-cropped-00117 and -00033, as read from the whole photo.
    assertThat(
            showsKtp(
                "VINSI JAWA TIMUR",
                "PATEN BANGKALAN",
                "2950013",
                "Gol. Darah : -",
                "SLIHAT NO. B8 LINGK"))
        .isTrue();
    assertThat(showsKtp("YN JAWA TIMUR", "KOTA MOJOKERTO", "76035708840069", "MPUAN")).isTrue();
    assertThat(showsKtp("NSI DKI JAKARTA", "JAKARTA TIMUR", "ALAMAT")).isTrue();
  }

  @Test
  void aKtpCutIntoItsProvinceNameShowsByWhatIsLeftOfItsHeader() {
    // Seed 9292's negatives-only run, negative 131, read at the photo's own size: the frame cut the
    // N of NUSA TENGGARA TIMUR.
    assertThat(
            showsKtp(
                "USA TENGGARA TIMUR",
                "TEN FLORES TIMUR",
                "130101",
                "3Y",
                "06-1993",
                "Gol. Darah : -"))
        .isTrue();
    // Not without the regency of that province, nor with too little of the name left.
    assertThat(showsKtp("USA TENGGARA TIMUR", "TEN BANGKALAN", "Gol. Darah : -")).isFalse();
    assertThat(showsKtp("RA TIMUR", "TEN FLORES TIMUR")).isFalse();
  }

  @Test
  void aKtpCutOnItsLabelSideShowsByItsRegencyLineAndMoreOfAKtp() {
    // Seed 8080's neg-cropped-00019, -00047 and -00089 (negatives-only run, docs/benchmarks.md),
    // as read from the whole photo: the province line is gone or garbled, KABUPATEN is cut or
    // misread, and beside it a label, a NIK cut short or a whole one.
    assertThat(showsKtp("UPATEN KUANTAN SINGINGI", "36407940442", "Gol. Darah : 6", "A")).isTrue();
    assertThat(showsKtp("PewisaoeTALO", "KABUPATEN BOALEMO", "S02023103020717", "UM KAWIN"))
        .isTrue();
    assertThat(showsKtp("KBUPATEN SIAK", ":1408117003050109", ": Acau Amn", "BtLuM KAN")).isTrue();
    // Fresh negatives-only seed 6666's negative 5, on its side: KABUPATEN misread two letters off.
    assertThat(showsKtp("Pesa raA", "KAUPATN ASAHAN", "I9235901890493", "Gel. Darah : B")).isTrue();
    // Seed 1111's neg-cropped-00040: PROVINSI cut off whole, KABUPATEN down to its last letters.
    assertThat(showsKtp("SUMATERA UTARA", "ATEN NIAS BARAT", "11890664", "Gol. Darah : -"))
        .isTrue();
  }

  @Test
  void aKtpCutBeforeItsProvinceAndRegencyNamesShowsByThemAndMoreOfAKtp() {
    // Seed 9696's negatives-only run, negative 26, as read from the whole photo: PROVINSI and
    // KABUPATEN cut off whole, the NIK cut to 8 digits, Gol. Darah beside.
    assertThat(
            showsKtp(
                "NUSA TENGGARA TIMUR",
                "TIMOR TENGAH SELATAN",
                ":04990752",
                "SELATAN, 28-04-1999",
                "Gol. Darah : -",
                ": PERUMAHAN VILLA MUTIARA"))
        .isTrue();
    // Not without more of a KTP beside them, nor with a town of another province.
    assertThat(showsKtp("NUSA TENGGARA TIMUR", "TIMOR TENGAH SELATAN", "Nama", "Alamat")).isFalse();
    assertThat(showsKtp("NUSA TENGGARA TIMUR", "BANGKALAN", "Gol. Darah : -")).isFalse();
  }

  @Test
  void aRegencyLineNeedsMoreOfAKtpBesideIt() {
    assertThat(showsKtp("KBUPATEN SIAK", ": Acau Amn", "Nama")).isFalse();
    assertThat(showsKtp("KAUPATN ASAHAN", "Nama")).isFalse();
    // Three edits from KABUPATEN, or too short a word, is no misread KABUPATEN.
    assertThat(showsKtp("KAXUPAXEX ASAHAN", "I9235901890493")).isFalse();
    assertThat(showsKtp("KAUPAN ASAHAN", "I9235901890493")).isFalse();
    assertThat(showsKtp("BUPATI ASAHAN", "I9235901890493")).isFalse();
    // A bank card's number in groups, a driving licence's with hyphens: not a NIK cut short.
    assertThat(showsKtp("KOTA BLITAR", "4111 1111 1111 1111")).isFalse();
    assertThat(showsKtp("KOTA BLITAR", "1234-5678-123456")).isFalse();
    // A village ending in KOTA before a district named like its regency is no header line, and
    // a label's value is not one either (a membership card's "Kota : BLITAR").
    assertThat(showsKtp("SUKAKOTA, SIAK", "3. Gol. Darah - Jenis Kelamin")).isFalse();
    assertThat(showsKtp("MUTEN, SIAK", "3. Gol. Darah - Jenis Kelamin")).isFalse();
    assertThat(showsKtp("Kota : KOTA BLITAR", "ISLAM")).isFalse();
  }

  @Test
  void anotherCardShowsByTheLabelsCardsShare() {
    // Seed 5151's neg-not_ktp-00015 as read from the whole photo.
    CardReader.PhotoText membership =
        photoText(
            tokens(
                "KARTU ANGGOTA",
                "KLUB KEBUGARAN SEHAT SELALkuU",
                ": 114511981",
                "Nama",
                ": RANSISKUs RUMBAK",
                "Alamat",
                ": DUSUN RAJAK BESII"));
    assertThat(membership.showsKtp()).isFalse();
    assertThat(membership.showsAnotherCard()).isTrue();
    // Words without labels (a page of print, a pattern read as text), or a KTP, are not.
    assertThat(photoText(tokens("MlM", "MaY", "Iins SinSISNYas", "YLODDNY")).showsAnotherCard())
        .isFalse();
    assertThat(photoText(tokens("NIK", ": 3204054107950004", "Nama", "Agama")).showsAnotherCard())
        .isFalse();
  }

  @Test
  void cutNiksAreOneUnbrokenRunOfTwelveDigitsAtLeast() {
    assertThat(CardReader.cutNik("502023103020717")).isTrue();
    assertThat(CardReader.cutNik(" S02023103020717")).isTrue();
    assertThat(CardReader.cutNik("36407940442")).isFalse();
    assertThat(CardReader.cutNik("4111 1111 1111 1111")).isFalse();
    assertThat(CardReader.cutNik("1234-5678-123456")).isFalse();
    assertThat(CardReader.cutNik("SUKABUMI01234567")).isFalse();
  }

  @Test
  void aKtpCutIntoItsRegencyNameShowsUnderWhatIsLeftOfItsProvinceLine() {
    // Fresh seed 9090's benchmark negative 12 as read from the whole photo: the frame cut
    // PROVINSI and the first letters of KEPULAUAN SERIBU.
    assertThat(
            showsKtp(
                "VINSI DKI JAKARTA", "PULAUAN SERIBU", "12050601", "RIBU, 04-12-2005", "SISWA"))
        .isTrue();
    // Cut too far, or under another province, it is not a header.
    assertThat(showsKtp("VINSI DKI JAKARTA", "UAN SERIBU", "SISWA")).isFalse();
    assertThat(showsKtp("VINSI JAWA BARAT", "PULAUAN SERIBU", "SISWA")).isFalse();
  }

  @Test
  void aKtpCutOffShowsByANikWhoseDateIsPrintedAsItsBirthDate() {
    // Fresh negatives-only seed 9898's negative 33 as read from the whole photo: the frame cut
    // the labels, the header and the NIK's first digits; the NIK's date part 290588 is the birth
    // date printed beside it.
    assertThat(
            showsKtp(
                "'KIL",
                "S2905880051",
                "LAUT, 29-05-1988",
                "SUKADAMAI",
                "Gol. Darah : AB",
                "ACEH SINGKIL",
                "07-10-2013"))
        .isTrue();
    // A woman's NIK carries her day plus 40; a whole NIK after its colon counts too.
    assertThat(showsKtp(": 3515216712900003", "SIDOARJO, 27-12-1990")).isTrue();
    assertThat(CardReader.nikDatedAsPrinted(tokens("6712900003", "SIDOARJO, 27-12-1990"))).isTrue();
  }

  @Test
  void aNumberWhoseDateIsNotPrintedOrThatIsNoRunOfDigitsShowsNoKtp() {
    // Another date, too few digits for a NIK's date and serial, or a licence's number with its
    // hyphens beside a birth date that happens to sit inside it.
    assertThat(CardReader.nikDatedAsPrinted(tokens("S2905880051", "LAUT, 30-05-1988"))).isFalse();
    assertThat(CardReader.nikDatedAsPrinted(tokens("905880051", "LAUT, 29-05-1988"))).isFalse();
    assertThat(CardReader.nikDatedAsPrinted(tokens("1234-2905-880051", "LAUT, 29-05-1988")))
        .isFalse();
    assertThat(CardReader.nikDatedAsPrinted(tokens("S2905880051", "MEDAN"))).isFalse();
    // A bank card's number in groups of four, its validity as MM/YY.
    assertThat(CardReader.nikDatedAsPrinted(tokens("4111 2905 8800 5112", "VALID THRU 05/28")))
        .isFalse();
  }

  @Test
  void aProvinceAndATownThatDoNotMakeAHeaderShowNoKtp() {
    // The town is not in that province, or printed whole without KABUPATEN/KOTA (a birth place,
    // a library's name).
    assertThat(showsKtp("VINSI JAWA TIMUR", "PATEN BANDUNG", "Nama")).isFalse();
    assertThat(showsKtp("POLDA JAWA TIMUR", "BANGKALAN", "SURAT IZIN MENGEMUDI")).isFalse();
    assertThat(showsKtp("KARTU ANGGOTA", "PERPUSTAKAAN DAERAH BANGKALAN", "Nama", "Kota"))
        .isFalse();
    // A province's name printed whole, with no PROVINSI before it, is another card's.
    assertThat(showsKtp("KARTU ANGGOTA", "JAWA TIMUR", "KOTA BLITAR", "Nama")).isFalse();
  }
}
