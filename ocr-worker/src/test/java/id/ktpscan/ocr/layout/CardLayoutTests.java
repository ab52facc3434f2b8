package id.ktpscan.ocr.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardLayoutTests {

  private static final double PITCH = 21;
  private final List<Token> tokens = new ArrayList<>();

  /** A token of the given text with its left edge at x and its centre on row y. */
  private void put(String text, double x, double y) {
    tokens.add(new Token(text, 0.95, x, y - 8, x + 9.5 * text.length(), y + 8));
  }

  private double row(int i) {
    return 250 + i * PITCH;
  }

  /** The left block as the renderer lays it out, one label and one value per row. */
  private void card(boolean wrapAddress) {
    put("PROVINSI JAWA BARAT", 400, 40);
    put("KABUPATEN BANDUNG", 380, 70);
    put("NIK", 30, 110);
    put(": 3204054107950004", 210, 110);
    int r = 0;
    put("Nama", 30, row(r));
    put(": SITI NURHALIZA", 210, row(r++));
    put("Tempat/Tgl Lahir", 30, row(r));
    put(": BANDUNG, 01-07-1995", 210, row(r++));
    put("Jenis Kelamin", 30, row(r));
    put(": PEREMPUAN", 210, row(r));
    put("Gol. Darah", 470, row(r));
    put(": O", 570, row(r++));
    put("Alamat", 30, row(r));
    put(": JL. CIBADUYUT RAYA NO. 12", 210, row(r++));
    if (wrapAddress) {
      put("BLOK C", 215, row(r++));
    }
    put("RT/RW", 50, row(r));
    put(": 003/007", 210, row(r++));
    put("Kel/Desa", 50, row(r));
    put(": CANGKUANG WETAN", 210, row(r++));
    put("Kecamatan", 50, row(r));
    put(": DAYEUHKOLOT", 210, row(r++));
    put("Agama", 30, row(r));
    put(": ISLAM", 210, row(r++));
    put("Status Perkawinan", 30, row(r));
    put(": BELUM KAWIN", 210, row(r++));
    put("Pekerjaan", 30, row(r));
    put(": KARYAWAN SWASTA", 210, row(r++));
    put("Kewarganegaraan", 30, row(r));
    put(": WNI", 210, row(r++));
    put("Berlaku Hingga", 30, row(r));
    put(": SEUMUR HIDUP", 210, row(r));
    // Photo column: issuing city and date never become a field.
    put("BANDUNG", 720, row(r - 1));
    put("12-08-2017", 720, row(r));
  }

  private String value(CardLayout.Result result, Label label) {
    CardLayout.Piece piece = result.values().get(label);
    return piece == null ? null : piece.text();
  }

  @Test
  void assignsEveryRowToItsLabel() {
    card(false);
    CardLayout.Result result = new CardLayout().assign(tokens);
    assertThat(result.labelsFound()).hasSize(Label.values().length);
    assertThat(value(result, Label.NIK)).isEqualTo("3204054107950004");
    assertThat(value(result, Label.NAMA)).isEqualTo("SITI NURHALIZA");
    assertThat(value(result, Label.TEMPAT_TGL_LAHIR)).isEqualTo("BANDUNG, 01-07-1995");
    assertThat(value(result, Label.JENIS_KELAMIN)).isEqualTo("PEREMPUAN");
    assertThat(value(result, Label.GOL_DARAH)).isEqualTo("O");
    assertThat(value(result, Label.ALAMAT)).isEqualTo("JL. CIBADUYUT RAYA NO. 12");
    assertThat(value(result, Label.RT_RW)).isEqualTo("003/007");
    assertThat(value(result, Label.KECAMATAN)).isEqualTo("DAYEUHKOLOT");
    assertThat(value(result, Label.BERLAKU_HINGGA)).isEqualTo("SEUMUR HIDUP");
    assertThat(value(result, Label.KEWARGANEGARAAN)).isEqualTo("WNI");
    assertThat(result.provinceLine().text()).isEqualTo("JAWA BARAT");
    assertThat(result.cityLine().text()).isEqualTo("KABUPATEN BANDUNG");
  }

  @Test
  void aWrappedAddressIsJoinedAndDoesNotShiftTheRowsBelow() {
    card(true);
    CardLayout.Result result = new CardLayout().assign(tokens);
    assertThat(value(result, Label.ALAMAT)).isEqualTo("JL. CIBADUYUT RAYA NO. 12 BLOK C");
    assertThat(value(result, Label.RT_RW)).isEqualTo("003/007");
    assertThat(value(result, Label.KEL_DESA)).isEqualTo("CANGKUANG WETAN");
  }

  @Test
  void aRowWhoseLabelWasNotReadStaysEmptyInsteadOfJoiningItsNeighbour() {
    card(false);
    tokens.removeIf(t -> t.text().equals("Agama"));
    CardLayout.Result result = new CardLayout().assign(tokens);
    assertThat(result.values()).doesNotContainKey(Label.AGAMA);
    assertThat(value(result, Label.KECAMATAN)).isEqualTo("DAYEUHKOLOT");
    assertThat(value(result, Label.STATUS_PERKAWINAN)).isEqualTo("BELUM KAWIN");
  }

  @Test
  void rtRwUnderAnAddressIsNotTakenForItsSecondLineWhenItsLabelWasNotRead() {
    card(false);
    tokens.removeIf(t -> t.text().equals("RT/RW"));
    CardLayout.Result result = new CardLayout().assign(tokens);
    assertThat(value(result, Label.ALAMAT)).isEqualTo("JL. CIBADUYUT RAYA NO. 12");
    assertThat(value(result, Label.RT_RW)).isEqualTo("003/007");
  }

  @Test
  void labelAndValueReadAsOneTokenAreSplitAtTheColon() {
    card(false);
    tokens.removeIf(t -> t.text().equals("Nama") || t.text().equals(": SITI NURHALIZA"));
    put("Nama           : SITI NURHALIZA", 30, row(0));
    CardLayout.Result result = new CardLayout().assign(tokens);
    assertThat(value(result, Label.NAMA)).isEqualTo("SITI NURHALIZA");
  }

  @Test
  void misreadLabelsStillMatch() {
    card(false);
    tokens.replaceAll(
        t ->
            switch (t.text()) {
              case "Kewarganegaraan" ->
                  new Token("Kewarganegaran", 0.9, t.x0(), t.y0(), t.x1(), t.y1());
              case "Tempat/Tgl Lahir" ->
                  new Token("TempatTgiLahir", 0.9, t.x0(), t.y0(), t.x1(), t.y1());
              case "NIK" -> new Token("NlK", 0.9, t.x0(), t.y0(), t.x1(), t.y1());
              default -> t;
            });
    CardLayout.Result result = new CardLayout().assign(tokens);
    assertThat(value(result, Label.KEWARGANEGARAAN)).isEqualTo("WNI");
    assertThat(value(result, Label.TEMPAT_TGL_LAHIR)).isEqualTo("BANDUNG, 01-07-1995");
    assertThat(value(result, Label.NIK)).isEqualTo("3204054107950004");
  }

  @Test
  void aHeaderWhoseSpaceWasLostStillGivesTheProvince() {
    card(false);
    tokens.replaceAll(
        t ->
            t.text().startsWith("PROVINSI")
                ? new Token("PROVINSIJAWA BARAT", 0.9, t.x0(), t.y0(), t.x1(), t.y1())
                : t);
    assertThat(new CardLayout().assign(tokens).provinceLine().text()).isEqualTo("JAWA BARAT");
  }

  @Test
  void anotherCardTypeFindsFewLabels() {
    put("BANK NUSANTARA", 300, 60);
    put("DEBIT", 40, 300);
    put("4111 2222 3333 4444", 40, 380);
    put("VALID THRU 12/29", 40, 430);
    assertThat(new CardLayout().assign(tokens).labelsFound()).hasSizeLessThan(2);
  }
}
