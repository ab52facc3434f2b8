package id.ktpscan.ocr.validate;

import java.util.List;
import java.util.Optional;

/**
 * A closed vocabulary of the card (agama, status perkawinan, …) and snapping of read text to its
 * canonical spelling. A value that is not close to any entry is not snapped: an unreadable value
 * stays unreadable rather than becoming a plausible wrong one.
 */
public final class Vocabulary {

  /** A canonical value and how sure the snap is, in [0, 1]. */
  public record Snap(String value, double similarity) {}

  public static final Vocabulary GENDER = new Vocabulary(List.of("LAKI-LAKI", "PEREMPUAN"), 0.6);

  public static final Vocabulary BLOOD_TYPE =
      new Vocabulary(
          List.of("A", "B", "AB", "O", "A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-", "-"), 1.0);

  public static final Vocabulary RELIGION =
      new Vocabulary(
          List.of(
              "ISLAM",
              "KRISTEN",
              "KATOLIK",
              "HINDU",
              "BUDHA",
              "KONGHUCU",
              "KEPERCAYAAN TERHADAP TUHAN YME"),
          0.6,
          // Printed variants that mean a canonical value.
          List.of(
              new Alias("KATHOLIK", "KATOLIK"),
              new Alias("BUDDHA", "BUDHA"),
              new Alias("KHONGHUCU", "KONGHUCU")));

  public static final Vocabulary MARITAL_STATUS =
      new Vocabulary(List.of("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"), 0.7);

  public static final Vocabulary NATIONALITY = new Vocabulary(List.of("WNI", "WNA"), 0.6);

  /** The Dukcapil list of occupations printed on e-KTPs. */
  public static final Vocabulary OCCUPATION =
      new Vocabulary(
          List.of(
              "BELUM/TIDAK BEKERJA",
              "MENGURUS RUMAH TANGGA",
              "PELAJAR/MAHASISWA",
              "PENSIUNAN",
              "PEGAWAI NEGERI SIPIL",
              "TENTARA NASIONAL INDONESIA",
              "KEPOLISIAN RI",
              "PERDAGANGAN",
              "PETANI/PEKEBUN",
              "PETERNAK",
              "NELAYAN/PERIKANAN",
              "INDUSTRI",
              "KONSTRUKSI",
              "TRANSPORTASI",
              "KARYAWAN SWASTA",
              "KARYAWAN BUMN",
              "KARYAWAN BUMD",
              "KARYAWAN HONORER",
              "BURUH HARIAN LEPAS",
              "BURUH TANI/PERKEBUNAN",
              "BURUH NELAYAN/PERIKANAN",
              "BURUH PETERNAKAN",
              "PEMBANTU RUMAH TANGGA",
              "TUKANG CUKUR",
              "TUKANG LISTRIK",
              "TUKANG BATU",
              "TUKANG KAYU",
              "TUKANG SOL SEPATU",
              "TUKANG LAS/PANDAI BESI",
              "TUKANG JAHIT",
              "TUKANG GIGI",
              "PENATA RIAS",
              "PENATA BUSANA",
              "PENATA RAMBUT",
              "MEKANIK",
              "SENIMAN",
              "TABIB",
              "PARAJI",
              "PERANCANG BUSANA",
              "PENTERJEMAH",
              "IMAM MASJID",
              "PENDETA",
              "PASTOR",
              "WARTAWAN",
              "USTADZ/MUBALIGH",
              "JURU MASAK",
              "PROMOTOR ACARA",
              "ANGGOTA DPR-RI",
              "ANGGOTA DPD",
              "ANGGOTA BPK",
              "PRESIDEN",
              "WAKIL PRESIDEN",
              "ANGGOTA MAHKAMAH KONSTITUSI",
              "ANGGOTA KABINET/KEMENTERIAN",
              "DUTA BESAR",
              "GUBERNUR",
              "WAKIL GUBERNUR",
              "BUPATI",
              "WAKIL BUPATI",
              "WALIKOTA",
              "WAKIL WALIKOTA",
              "ANGGOTA DPRD PROVINSI",
              "ANGGOTA DPRD KABUPATEN/KOTA",
              "DOSEN",
              "GURU",
              "PILOT",
              "PENGACARA",
              "NOTARIS",
              "ARSITEK",
              "AKUNTAN",
              "KONSULTAN",
              "DOKTER",
              "BIDAN",
              "PERAWAT",
              "APOTEKER",
              "PSIKIATER/PSIKOLOG",
              "PENYIAR TELEVISI",
              "PENYIAR RADIO",
              "PELAUT",
              "PENELITI",
              "SOPIR",
              "PIALANG",
              "PARANORMAL",
              "PEDAGANG",
              "PERANGKAT DESA",
              "KEPALA DESA",
              "BIARAWATI",
              "WIRASWASTA",
              "LAINNYA"),
          0.75);

  /** A printed spelling that stands for a canonical value. */
  public record Alias(String printed, String canonical) {}

  private final List<String> values;
  private final double minSimilarity;
  private final List<Alias> aliases;

  private Vocabulary(List<String> values, double minSimilarity) {
    this(values, minSimilarity, List.of());
  }

  private Vocabulary(List<String> values, double minSimilarity, List<Alias> aliases) {
    this.values = List.copyOf(values);
    this.minSimilarity = minSimilarity;
    this.aliases = List.copyOf(aliases);
  }

  public List<String> values() {
    return values;
  }

  /**
   * The canonical value closest to the read text, if it is close enough; spaces lost by the
   * recogniser ({@code BELUMKAWIN}) do not count against a match.
   */
  public Optional<Snap> snap(String read) {
    if (read == null || read.isBlank()) {
      return Optional.empty();
    }
    String text = TextDistance.normalize(read);
    String compact = text.replace(" ", "");
    Snap best = null;
    for (String value : values) {
      best = better(best, value, value, text, compact);
    }
    for (Alias alias : aliases) {
      best = better(best, alias.printed(), alias.canonical(), text, compact);
    }
    return best != null && best.similarity() >= minSimilarity
        ? Optional.of(best)
        : Optional.empty();
  }

  private static Snap better(
      Snap best, String candidate, String canonical, String text, String compact) {
    double similarity =
        Math.max(
            TextDistance.similarity(text, candidate),
            TextDistance.similarity(compact, candidate.replace(" ", "")));
    return best == null || similarity > best.similarity() ? new Snap(canonical, similarity) : best;
  }
}
