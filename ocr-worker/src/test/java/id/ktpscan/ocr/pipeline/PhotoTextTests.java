package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.ocr.layout.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How loose text read from a whole photo tells a cut-off KTP from another card. */
class PhotoTextTests {

  private static List<Token> tokens(String... texts) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new Token(texts[i], 0.99, 10, 40 * i, 300, 40 * i + 30));
    }
    return out;
  }

  @Test
  void aKtpWithItsLabelsShows() {
    assertThat(
            CardReader.photoText(tokens("NIK", ": 3204054107950004", "Nama", "Agama")).showsKtp())
        .isTrue();
    assertThat(
            CardReader.photoText(tokens("RT/RW", "Kel/Desa", "Kecamatan", "Alamat", "Agama"))
                .showsKtp())
        .isTrue();
  }

  @Test
  void aKtpCutOffOnItsLabelSideShowsByItsNikUnderTheHeader() {
    // The frame cut the label column: "NIK", "Nama" … are gone, the values remain.
    CardReader.PhotoText seen =
        CardReader.photoText(
            tokens(
                "PROVINSI JAWA TIMUR", "KABUPATEN SUMENEP", ":3529192801770038", ": ADI SANTOSO"));

    assertThat(seen.showsKtp()).isTrue();
    assertThat(seen.words()).isEqualTo(4);
  }

  @Test
  void aKtpCutOffWithItsNikShowsByItsTwoHeaderLines() {
    // Cut further: the NIK lost its first digits, only the header and values remain.
    assertThat(
            CardReader.photoText(
                    tokens("PROVINSI JAWA TENGAH", "KABUPATEN SEMARANG", "016608040167", "FAH"))
                .showsKtp())
        .isTrue();
    assertThat(CardReader.photoText(tokens("PROVINSI ACEH", "Gol. Darah : -", "LANGSA")).showsKtp())
        .isTrue();
  }

  @Test
  void aKtpCutOffAtTheTopAndLeftShowsByItsClosedValues() {
    assertThat(
            CardReader.photoText(
                    tokens("YENI MASRUROH", "PEREMPUAN", ": 004/002", ": ISLAM", ": KAWIN", "ga"))
                .showsKtp())
        .isTrue();
    // A driving licence words gender its own way, and two kinds are not enough.
    assertThat(
            CardReader.photoText(tokens("1. Nama", "HARYANTO", "O - PRIA", ": ISLAM", ": WNI"))
                .showsKtp())
        .isFalse();
  }

  @Test
  void anotherCardOrANumberAloneDoesNot() {
    assertThat(
            CardReader.photoText(tokens("KARTU ANGGOTA", "Nama", ": HARYANTO", "Alamat"))
                .showsKtp())
        .isFalse();
    // Sixteen digits without a NIK's date part (day 32, month 13), or without any KTP context.
    assertThat(CardReader.photoText(tokens("PROVINSI JAMBI", "3204053213950004")).showsKtp())
        .isFalse();
    assertThat(CardReader.photoText(tokens("4111 1111 1111 1111")).showsKtp()).isFalse();
    assertThat(CardReader.photoText(tokens("KOTA BLITAR", "BANK ARTHA RAYA")).showsKtp()).isFalse();
  }
}
