package id.ktpscan.ocr.layout;

import java.util.List;

/**
 * The printed labels of an e-KTP's left block, in card order, with the spellings the recogniser is
 * compared against (letters only, upper case: separators and spaces are what it loses first).
 */
public enum Label {
  NIK("NIK"),
  NAMA("NAMA"),
  TEMPAT_TGL_LAHIR("TEMPATTGLLAHIR", "TEMPATTANGGALLAHIR"),
  JENIS_KELAMIN("JENISKELAMIN"),
  GOL_DARAH("GOLDARAH"),
  ALAMAT("ALAMAT"),
  RT_RW("RTRW"),
  KEL_DESA("KELDESA"),
  KECAMATAN("KECAMATAN"),
  AGAMA("AGAMA"),
  STATUS_PERKAWINAN("STATUSPERKAWINAN"),
  PEKERJAAN("PEKERJAAN"),
  KEWARGANEGARAAN("KEWARGANEGARAAN"),
  BERLAKU_HINGGA("BERLAKUHINGGA");

  private final List<String> spellings;

  Label(String... spellings) {
    this.spellings = List.of(spellings);
  }

  public List<String> spellings() {
    return spellings;
  }

  /** Letters of a text, upper case, for comparison with {@link #spellings()}. */
  public static String letters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }
}
