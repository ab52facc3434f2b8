package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.area.CutHeader;
import id.ktpscan.ocr.layout.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How loose text read from a whole photo tells a cut-off KTP from another card. */
class PhotoTextTests {

  private static final CutHeader CUT_HEADER = CutHeader.of(AreaDirectory.load());

  private static CardReader.PhotoText photoText(List<Token> tokens) {
    return CardReader.photoText(tokens, CUT_HEADER);
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
    assertThat(photoText(tokens("NIK", ": 3204054107950004", "Nama", "Agama")).showsKtp()).isTrue();
    assertThat(photoText(tokens("RT/RW", "Kel/Desa", "Kecamatan", "Alamat", "Agama")).showsKtp())
        .isTrue();
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
    assertThat(
            photoText(tokens("PROVINSI JAWA TENGAH", "KABUPATEN SEMARANG", "016608040167", "FAH"))
                .showsKtp())
        .isTrue();
    assertThat(photoText(tokens("PROVINSI ACEH", "Gol. Darah : -", "LANGSA")).showsKtp()).isTrue();
  }

  @Test
  void aKtpCutOffAtTheTopAndLeftShowsByItsClosedValues() {
    assertThat(
            photoText(tokens("YENI MASRUROH", "PEREMPUAN", ": 004/002", ": ISLAM", ": KAWIN", "ga"))
                .showsKtp())
        .isTrue();
    // A driving licence words gender its own way, and two kinds are not enough.
    assertThat(photoText(tokens("1. Nama", "HARYANTO", "O - PRIA", ": ISLAM", ": WNI")).showsKtp())
        .isFalse();
  }

  @Test
  void anotherCardOrANumberAloneDoesNot() {
    assertThat(photoText(tokens("KARTU ANGGOTA", "Nama", ": HARYANTO", "Alamat")).showsKtp())
        .isFalse();
    // Sixteen digits without a NIK's date part (day 32, month 13), or without any KTP context.
    assertThat(photoText(tokens("PROVINSI JAMBI", "3204053213950004")).showsKtp()).isFalse();
    assertThat(photoText(tokens("4111 1111 1111 1111")).showsKtp()).isFalse();
    assertThat(photoText(tokens("KOTA BLITAR", "BANK ARTHA RAYA")).showsKtp()).isFalse();
  }

  @Test
  void aKtpCutOnTheLeftShowsByWhatIsLeftOfItsHeader() {
    // Seed 1234's neg-cropped-00117 and -00033, as read from the whole photo.
    assertThat(
            photoText(
                    tokens(
                        "VINSI JAWA TIMUR",
                        "PATEN BANGKALAN",
                        "2950013",
                        "Gol. Darah : -",
                        "SLIHAT NO. B8 LINGK"))
                .showsKtp())
        .isTrue();
    assertThat(
            photoText(tokens("YN JAWA TIMUR", "KOTA MOJOKERTO", "76035708840069", "MPUAN"))
                .showsKtp())
        .isTrue();
    assertThat(photoText(tokens("NSI DKI JAKARTA", "JAKARTA TIMUR", "ALAMAT")).showsKtp()).isTrue();
  }

  @Test
  void aProvinceAndATownThatDoNotMakeAHeaderShowNoKtp() {
    // The town is not in that province, or printed whole without KABUPATEN/KOTA (a birth place,
    // a library's name), or the province line is the same line.
    assertThat(photoText(tokens("VINSI JAWA TIMUR", "PATEN BANDUNG", "Nama")).showsKtp()).isFalse();
    assertThat(
            photoText(tokens("POLDA JAWA TIMUR", "BANGKALAN", "SURAT IZIN MENGEMUDI")).showsKtp())
        .isFalse();
    assertThat(
            photoText(tokens("KARTU ANGGOTA", "PERPUSTAKAAN DAERAH BANGKALAN", "Nama", "Kota"))
                .showsKtp())
        .isFalse();
  }
}
