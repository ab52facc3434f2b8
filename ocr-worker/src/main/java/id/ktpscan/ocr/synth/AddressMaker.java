package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.pick;

import java.util.List;
import java.util.Random;

/**
 * Makes the Alamat line: street addresses in towns, hamlets (dusun, kampung, banjar, jorong) in
 * villages, and housing estates whose long lines wrap to a second row on the card, the case where
 * readers most often lose or merge text.
 */
final class AddressMaker {

  private static final List<String> STREETS =
      List.of(
          "MELATI",
          "MAWAR",
          "ANGGREK",
          "KENANGA",
          "FLAMBOYAN",
          "CEMPAKA",
          "DAHLIA",
          "SUDIRMAN",
          "GATOT SUBROTO",
          "DIPONEGORO",
          "PAHLAWAN",
          "MERDEKA",
          "IMAM BONJOL",
          "TEUKU UMAR",
          "HASANUDDIN",
          "KH. AHMAD DAHLAN",
          "CEMARA",
          "BERINGIN",
          "PELITA",
          "SILIWANGI",
          "PERINTIS KEMERDEKAAN",
          "RA. KARTINI",
          "KI HAJAR DEWANTARA",
          "GAJAH MADA",
          "SISINGAMANGARAJA",
          "CUT NYAK DIEN",
          "PATTIMURA",
          "SAM RATULANGI",
          "SULTAN AGUNG",
          "PEMUDA",
          "BANGAU",
          "RAJAWALI",
          "NANGKA",
          "MANGGA",
          "DURIAN",
          "KELAPA GADING",
          "KAPTEN MUSLIHAT",
          "LETJEN SUPRAPTO",
          "DR. WAHIDIN",
          "TAMAN SISWA",
          "MASJID",
          "PASAR BARU",
          "STASIUN");
  private static final List<String> STREET_SUFFIX =
      List.of("RAYA", "I", "II", "III", "IV", "UTARA", "SELATAN", "TIMUR", "BARAT", "DALAM");
  private static final List<String> ESTATES =
      List.of(
          "PERUM GRIYA ASRI",
          "PERUMAHAN BUMI INDAH PERMAI",
          "KOMP. PURI HARAPAN",
          "PERUM TAMAN SARI",
          "PERUMAHAN VILLA MUTIARA",
          "KOMP. DEPKES",
          "PERUM BTN",
          "PERUMAHAN GRAHA PERMATA HIJAU",
          "KOMPLEK SEKOLAH TINGGI",
          "PERUM PONDOK INDAH LESTARI");
  private static final List<String> HAMLETS =
      List.of(
          "KRAJAN",
          "SUKAMAJU",
          "MEKARSARI",
          "SIDOREJO",
          "KARANGANYAR",
          "TEGALREJO",
          "WONOSARI",
          "SUKAMULYA",
          "CIBODAS",
          "CIKONENG",
          "SUMBERSARI",
          "NGEMPLAK",
          "KRAJAN LOR",
          "KRAJAN KIDUL",
          "SUKADAMAI",
          "PAGERAGUNG",
          "BABAKAN",
          "CIPARAY",
          "JATIMULYA",
          "MARGAJAYA");

  private AddressMaker() {}

  /**
   * An address in a village.
   *
   * @param urban a kelurahan or a city: streets rather than hamlets
   * @param neighbours names of villages of the same district, reused as hamlet names
   */
  static String make(boolean urban, NameMaker.Custom custom, List<String> neighbours, Random rnd) {
    double roll = rnd.nextDouble();
    String address;
    if (urban ? roll < 0.75 : roll < 0.3) {
      address = street(rnd);
    } else if (urban || roll < 0.42) {
      address = estate(rnd);
    } else {
      address = hamlet(custom, neighbours, rnd);
    }
    return rnd.nextDouble() < 0.22 ? longer(address, rnd) : address;
  }

  private static String hamlet(NameMaker.Custom custom, List<String> neighbours, Random rnd) {
    String hamlet =
        !neighbours.isEmpty() && rnd.nextDouble() < 0.4
            ? pick(neighbours, rnd)
            : pick(HAMLETS, rnd);
    String prefix =
        switch (custom) {
          case BALINESE -> pick(List.of("BANJAR", "BR.", "BR. DINAS"), rnd);
          case MINANG -> pick(List.of("JORONG", "KORONG"), rnd);
          case SUNDANESE -> pick(List.of("KP.", "KAMPUNG", "DUSUN", "BLOK"), rnd);
          default -> pick(List.of("DUSUN", "DSN.", "DUSUN", "KP.", "LINGK.", "DESA"), rnd);
        };
    String address = prefix + " " + hamlet;
    if (rnd.nextDouble() < 0.2) {
      address += " " + pick(List.of("I", "II", "III", "TIMUR", "BARAT", "HILIR", "HULU"), rnd);
    }
    return address;
  }

  /** The long forms that wrap to a second row: a street with its estate, or a hamlet's street. */
  private static String longer(String address, Random rnd) {
    if (address.startsWith("J") || address.startsWith("G")) {
      return address
          + " "
          + (rnd.nextBoolean()
              ? pick(ESTATES, rnd)
              : "GG. "
                  + pick(STREETS, rnd)
                  + " "
                  + pick(List.of("I", "II", "III", "IV", "V"), rnd));
    }
    return "JL. " + pick(STREETS, rnd) + " NO. " + houseNumber(rnd) + " " + address;
  }

  private static String street(Random rnd) {
    StringBuilder address = new StringBuilder();
    if (rnd.nextDouble() < 0.08) {
      address.append(pick(List.of("GG. ", "GANG "), rnd)).append(pick(STREETS, rnd));
    } else {
      address.append(pick(List.of("JL. ", "JL. ", "JL. ", "JALAN ", "JL "), rnd));
      address.append(pick(STREETS, rnd));
      if (rnd.nextDouble() < 0.4) {
        address.append(' ').append(pick(STREET_SUFFIX, rnd));
      }
    }
    if (rnd.nextDouble() < 0.85) {
      address.append(pick(List.of(" NO. ", " NO.", " NO "), rnd)).append(houseNumber(rnd));
    }
    if (rnd.nextDouble() < 0.2) {
      address.append(" BLOK ").append(block(rnd));
    }
    if (rnd.nextDouble() < 0.12) {
      address.append(" GG. ").append(pick(STREETS, rnd));
    }
    return address.toString();
  }

  private static String estate(Random rnd) {
    String address = pick(ESTATES, rnd) + " BLOK " + block(rnd) + " NO. " + (1 + rnd.nextInt(40));
    if (rnd.nextDouble() < 0.5) {
      address += " JL. " + pick(STREETS, rnd);
    }
    return address;
  }

  private static String houseNumber(Random rnd) {
    int number = 1 + (int) Math.min(300, -Math.log(1 - rnd.nextDouble()) * 30);
    return rnd.nextDouble() < 0.1
        ? number + String.valueOf((char) ('A' + rnd.nextInt(4)))
        : String.valueOf(number);
  }

  private static String block(Random rnd) {
    String letter = String.valueOf((char) ('A' + rnd.nextInt(12)));
    return rnd.nextBoolean() ? letter : letter + (1 + rnd.nextInt(12));
  }
}
