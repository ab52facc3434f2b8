package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes synthetic upper-case Indonesian names following the naming customs of the main regions, so
 * that the recogniser and the layout are tested on the shapes real cards carry: single Javanese
 * names, Balinese birth-order names, Batak clan names, Bugis titles, abbreviations ({@code MUH.})
 * and apostrophes ({@code MA'RUF}), and long four-word names. Parts are combined at random, so no
 * name stands for a real person.
 */
final class NameMaker {

  /** Naming customs; which one a card gets depends on its province. */
  enum Custom {
    JAVANESE,
    SUNDANESE,
    BATAK,
    MINANG,
    BUGIS,
    BALINESE,
    CHINESE,
    ARABIC,
    EASTERN
  }

  private static final List<String> JAVANESE_M =
      List.of(
          "BUDI",
          "SANTOSO",
          "AGUS",
          "SLAMET",
          "WAHYU",
          "JOKO",
          "BAMBANG",
          "HARYANTO",
          "SUTRISNO",
          "PRASETYO",
          "NUGROHO",
          "EKO",
          "ARIF",
          "TEGUH",
          "HENDRO",
          "SUPRIYADI",
          "SUGENG",
          "PURNOMO",
          "SETIAWAN",
          "HADI",
          "GUNAWAN",
          "KURNIAWAN",
          "SUMARNO",
          "WIDYANTO",
          "SUYANTO",
          "DARMAJI",
          "TRIYONO",
          "SUPARDI",
          "SUWARNO",
          "BAGUS",
          "ADI",
          "YUDHA",
          "SAPUTRA");
  private static final List<String> JAVANESE_F =
      List.of(
          "SRI",
          "SITI",
          "WAHYUNI",
          "RAHAYU",
          "LESTARI",
          "WULANDARI",
          "PUJI",
          "ENDANG",
          "SUMARNI",
          "SUPARMI",
          "ASTUTI",
          "HANDAYANI",
          "PURWANTI",
          "SETYOWATI",
          "NINGSIH",
          "DEWI",
          "RATNA",
          "YULIANTI",
          "SULASTRI",
          "WINARTI",
          "SUWARTI",
          "MURNIATI",
          "KARTIKA",
          "INDAH",
          "SARI",
          "PRATIWI",
          "ANGGRAINI",
          "TRI",
          "DWI",
          "WIDYASTUTI");
  private static final List<String> SUNDANESE_M =
      List.of(
          "ASEP",
          "UJANG",
          "DEDE",
          "CECEP",
          "DADANG",
          "JAJANG",
          "UDIN",
          "YAYAN",
          "DEDEN",
          "ADE",
          "IWAN",
          "HERMAWAN",
          "SUPRIATNA",
          "SUNARYA",
          "HIDAYAT",
          "RUSTANDI",
          "KOSASIH",
          "SAEPUDIN",
          "MULYANA",
          "PERMANA",
          "NANANG",
          "ENDANG",
          "AANG",
          "KARNA",
          "SUHENDAR",
          "RIDWAN",
          "GILANG");
  private static final List<String> SUNDANESE_F =
      List.of(
          "NENG",
          "EUIS",
          "IMAS",
          "ENTIN",
          "YATI",
          "NENENG",
          "TITIN",
          "CUCU",
          "ELIS",
          "ROSITA",
          "NURHAYATI",
          "KOMALASARI",
          "RATNASARI",
          "MULYANI",
          "SUMIATI",
          "LILIS",
          "IKA",
          "NINA",
          "YULIA",
          "SRI",
          "AI",
          "EUTIK",
          "WIWIN",
          "DEDEH");
  private static final List<String> BATAK_M =
      List.of(
          "JOSUA",
          "DANIEL",
          "SAHAT",
          "BONAR",
          "TOGAR",
          "PARLINDUNGAN",
          "HOTMAN",
          "MARULI",
          "RICARDO",
          "FERDINAND",
          "MARTUA",
          "HORAS",
          "BINSAR",
          "POLTAK",
          "JONNY",
          "RUDOLF",
          "ANDREAS",
          "SAUT",
          "TUMPAL",
          "ROY");
  private static final List<String> BATAK_F =
      List.of(
          "ROSMAIDA",
          "TIOMINA",
          "DUMARIA",
          "ROTUA",
          "LAMRIA",
          "MARTHA",
          "SRIWATI",
          "HOTMAIDA",
          "ROSLINA",
          "MERRY",
          "DORIS",
          "ESTER",
          "LINDA",
          "MAULI",
          "NURMALA",
          "SARMAULI");
  private static final List<String> BATAK_CLAN =
      List.of(
          "SIMANJUNTAK",
          "SITUMORANG",
          "NAINGGOLAN",
          "HUTAPEA",
          "SIREGAR",
          "NASUTION",
          "LUBIS",
          "HARAHAP",
          "SIAHAAN",
          "PANJAITAN",
          "SINAGA",
          "SIHOMBING",
          "PASARIBU",
          "TAMBUNAN",
          "MANURUNG",
          "SIMATUPANG",
          "HUTAGALUNG",
          "SILALAHI",
          "GINTING",
          "TARIGAN",
          "SEMBIRING",
          "SITEPU",
          "PURBA",
          "SARAGIH",
          "DAMANIK",
          "SITORUS",
          "HUTABARAT",
          "SIBARANI");
  private static final List<String> MINANG_M =
      List.of(
          "AFRIZAL",
          "ZULKIFLI",
          "YUSRIZAL",
          "DEDI",
          "HENDRI",
          "FIRDAUS",
          "ANDRIANTO",
          "SYAHRIAL",
          "FAUZAN",
          "ERIZAL",
          "NASRUL",
          "JASMAN",
          "ZULFAHMI",
          "RIKO",
          "DONI",
          "YONDRI",
          "EFENDI",
          "ARMAN",
          "HAFIZ",
          "DATUAK");
  private static final List<String> MINANG_F =
      List.of(
          "YUSNIDAR",
          "ROSNIDA",
          "NURHASANAH",
          "FITRIANI",
          "YENI",
          "ELFI",
          "DESRIANI",
          "NELFI",
          "YULIDAR",
          "ERNI",
          "SUSI",
          "ROSMAWATI",
          "WIRDA",
          "ZURAIDA",
          "MARNI",
          "RAHMI");
  private static final List<String> BUGIS_M =
      List.of(
          "ASRUL",
          "IRWAN",
          "SYAMSUDDIN",
          "HASANUDDIN",
          "BASO",
          "ARIFIN",
          "RAHMAN",
          "AMIRUDDIN",
          "JUMADI",
          "SAHARUDDIN",
          "MUSTARI",
          "ALIMUDDIN",
          "JUSMAN",
          "RUSDI",
          "SUDIRMAN",
          "AWALUDDIN",
          "KAHAR",
          "MAPPA",
          "LATIF",
          "HAMZAH");
  private static final List<String> BUGIS_F =
      List.of(
          "NURHAEDAH",
          "MARLINA",
          "HASNAWATI",
          "MUSDALIFAH",
          "HARTATI",
          "NURLIAH",
          "RAHMAWATI",
          "SYAMSIAH",
          "HASMAWATI",
          "NURHAYATI",
          "MURNI",
          "SUHARTINA",
          "ASNI",
          "HADIJAH",
          "ST. AISYAH",
          "ST. NURHALIZA",
          "ST. MAEMUNAH");
  private static final List<String> BALINESE_ORDER_M =
      List.of(
          "PUTU", "WAYAN", "GEDE", "KADEK", "MADE", "NYOMAN", "KOMANG", "KETUT", "GUSTI NGURAH");
  private static final List<String> BALINESE_ORDER_F =
      List.of("PUTU", "LUH", "KADEK", "MADE", "NYOMAN", "KOMANG", "KETUT", "LUH PUTU", "GUSTI AYU");
  private static final List<String> BALINESE_M =
      List.of(
          "SUARDANA",
          "ARTANA",
          "WIRAWAN",
          "SUDARSANA",
          "ADNYANA",
          "MERTA",
          "ASTAWA",
          "DARMAWAN",
          "SUPARTA",
          "WIDIANA",
          "SUKADANA",
          "ARIAWAN",
          "MAHENDRA",
          "SURYAWAN",
          "DARMA",
          "ADI",
          "AGUS",
          "BUDIARTA");
  private static final List<String> BALINESE_F =
      List.of(
          "SUARNI",
          "ARIANI",
          "SUARTINI",
          "DEWI",
          "ASTITI",
          "WIDIASIH",
          "SRI",
          "AYU",
          "SUKARINI",
          "PURNAMI",
          "WIDIASTUTI",
          "MARTINI",
          "SUCIPTA",
          "ARIASIH",
          "KARIASIH");
  private static final List<String> CHINESE_SURNAME =
      List.of("TAN", "LIM", "LIE", "ONG", "GO", "KHO", "OEI", "THE", "LAW", "WONG", "TJIA", "NG");
  private static final List<String> CHINESE_SYLLABLE =
      List.of(
          "HOK", "KIM", "LIANG", "SIOE", "HWA", "MEI", "LAN", "HONG", "TJOEN", "BENG", "SIAN",
          "YIN", "GIOK", "HUI", "TJIN", "KIAT", "LING", "SENG", "TIONG", "SWIE", "HAN", "PING");
  private static final List<String> CHINESE_M =
      List.of(
          "HENDRA",
          "WILLIAM",
          "KEVIN",
          "FELIX",
          "JONATHAN",
          "SURYA",
          "HERMAN",
          "JOHAN",
          "STEVEN",
          "RICHARD",
          "HARRY",
          "ALBERT",
          "VINCENT",
          "EDWIN",
          "JIMMY",
          "ROBERT");
  private static final List<String> CHINESE_F =
      List.of(
          "MELIANA",
          "LILIANA",
          "JESSICA",
          "MICHELLE",
          "CHRISTINA",
          "LINDA",
          "SUSAN",
          "YULIANA",
          "VERONICA",
          "STEPHANIE",
          "FELICIA",
          "MEILANI",
          "ANGELINA",
          "SHERLY",
          "VIVIAN");
  private static final List<String> CHINESE_FAMILY =
      List.of(
          "WIJAYA",
          "HALIM",
          "SALIM",
          "GUNAWAN",
          "SANTOSO",
          "TANUWIJAYA",
          "KUSUMA",
          "TJANDRA",
          "SETIADI",
          "HARTANTO",
          "LIMANTO",
          "SUSANTO",
          "WIBOWO",
          "TANUDJAJA",
          "SUGIHARTO");
  private static final List<String> ARABIC_M =
      List.of(
          "MUHAMMAD",
          "AHMAD",
          "ABDUL",
          "ABDULLAH",
          "FAISAL",
          "HUSEIN",
          "HASAN",
          "ALI",
          "UMAR",
          "YUSUF",
          "IBRAHIM",
          "ISMAIL",
          "RIZKI",
          "FAJAR",
          "RAHMAT",
          "SYARIF",
          "HIDAYATULLAH",
          "SAIFUL",
          "IMRON",
          "MUSTOFA",
          "ZAINAL",
          "ABIDIN",
          "BAHARUDDIN",
          "FIRMANSYAH",
          "ILHAM",
          "MAULANA",
          "AKBAR",
          "RAMADHAN",
          "HAMDAN",
          "KHOIRUL",
          "ANWAR",
          "FAHMI",
          "LUTFI");
  private static final List<String> ARABIC_F =
      List.of(
          "SITI",
          "NUR",
          "AISYAH",
          "FATIMAH",
          "KHADIJAH",
          "ZAINAB",
          "AMINAH",
          "HALIMAH",
          "MARYAM",
          "NURUL",
          "ANNISA",
          "FITRI",
          "HIDAYAH",
          "SALSABILA",
          "AZZAHRA",
          "KHAIRUNNISA",
          "SYIFA",
          "ROHMAH",
          "MASRUROH",
          "LAILATUL",
          "FAUZIAH",
          "NAJWA",
          "ZAHRA",
          "UMMI",
          "SOFIA");
  private static final List<String> APOSTROPHE_M =
      List.of("MA'RUF", "SYAFI'I", "JUM'AT", "NU'MAN", "MA'MUN", "ROBI'AH", "MUS'AB", "SA'DULLAH");
  private static final List<String> APOSTROPHE_F =
      List.of("NA'IMAH", "MU'AWANAH", "SA'ADAH", "RO'FAH", "NI'MAH", "ROBI'ATUL", "MAS'UDAH");
  private static final List<String> ABBREVIATED =
      List.of("MUH.", "MOH.", "M.", "MOCH.", "ABD.", "H.", "A.");
  private static final List<String> MODERN_M =
      List.of(
          "KEVIN", "RIZKY", "DIMAS", "ADITYA", "RAFI", "BAYU", "YOGA", "REZA", "PUTRA", "PRATAMA",
          "SAPUTRA", "NUGRAHA", "ALDI", "FARHAN", "GALIH", "ARYA", "DAFFA", "RAKA", "DANU",
          "ANDIKA", "FEBRIAN", "WIRA");
  private static final List<String> MODERN_F =
      List.of(
          "PUTRI",
          "AYU",
          "NADIA",
          "AULIA",
          "AMELIA",
          "INTAN",
          "CITRA",
          "DINDA",
          "NABILA",
          "CINDY",
          "VINA",
          "PERMATASARI",
          "SAFITRI",
          "RAHMADANI",
          "ANISA",
          "TASYA",
          "KIRANA",
          "SEKAR",
          "MAHARANI",
          "OKTAVIA",
          "NOVITA",
          "DIAN");
  private static final List<String> EASTERN_M =
      List.of(
          "YOHANES",
          "FRANSISKUS",
          "PETRUS",
          "MARKUS",
          "YOSEF",
          "KORNELIS",
          "STEVEN",
          "FREDDY",
          "YULIUS",
          "SIMON",
          "ALEKSANDER",
          "OKTOVIANUS",
          "YAKOBUS",
          "FRANKY",
          "JEFRI",
          "STEVANUS",
          "HENDRIK",
          "MELKIANUS",
          "AGUSTINUS",
          "NIKOLAUS");
  private static final List<String> EASTERN_F =
      List.of(
          "MARIA",
          "MAGDALENA",
          "AGUSTINA",
          "YOSEFINA",
          "ELISABETH",
          "NOVITA",
          "MEIKE",
          "DEISY",
          "NOVA",
          "YUNI",
          "FRANSISKA",
          "KRISTINA",
          "YOHANA",
          "MARTHA",
          "SELFINA",
          "ANASTASIA",
          "PAULINA",
          "REGINA");
  private static final List<String> EASTERN_FAMILY =
      List.of(
          "NDUN",
          "MANAFE",
          "TEFA",
          "BOLI",
          "KEWA",
          "DA COSTA",
          "DA SILVA",
          "RUMBIAK",
          "WANMA",
          "YARANGGA",
          "KOGOYA",
          "WENDA",
          "PATTINASARANY",
          "LATUHERU",
          "TUHUTERU",
          "MAKATITA",
          "WUNGOW",
          "SONDAKH",
          "RUNTUKAHU",
          "LUMENTUT",
          "MANDAGI",
          "LEIWAKABESSY",
          "NUBATONIS",
          "LAKE",
          "BANUNAEK",
          "TUMEWU",
          "KAUNANG");

  private NameMaker() {}

  /** A name of the custom, for a person born in {@code birthYear}. */
  static String make(Custom custom, boolean female, int birthYear, Random rnd) {
    boolean young = birthYear >= 1990 && rnd.nextDouble() < 0.6;
    List<String> words = new ArrayList<>(4);
    switch (custom) {
      case JAVANESE -> {
        List<String> pool = female ? JAVANESE_F : JAVANESE_M;
        if (young) {
          words.add(pick(female ? MODERN_F : MODERN_M, rnd));
          words.add(pick(pool, rnd));
          maybe(words, 0.4, female ? MODERN_F : MODERN_M, rnd);
        } else {
          words.add(pick(pool, rnd));
          maybe(words, 0.55, pool, rnd);
        }
      }
      case SUNDANESE -> {
        List<String> pool = female ? SUNDANESE_F : SUNDANESE_M;
        words.add(pick(young ? (female ? MODERN_F : MODERN_M) : pool, rnd));
        maybe(words, 0.7, pool, rnd);
        maybe(words, 0.15, female ? ARABIC_F : ARABIC_M, rnd);
      }
      case BATAK -> {
        words.add(pick(female ? BATAK_F : BATAK_M, rnd));
        maybe(words, 0.3, female ? MODERN_F : EASTERN_M, rnd);
        words.add(pick(BATAK_CLAN, rnd));
        if (female && rnd.nextDouble() < 0.25) {
          words.add(words.size() - 1, "BR.");
        }
      }
      case MINANG -> {
        words.add(pick(female ? MINANG_F : MINANG_M, rnd));
        maybe(words, 0.45, female ? ARABIC_F : ARABIC_M, rnd);
      }
      case BUGIS -> {
        if (rnd.nextDouble() < 0.2) {
          words.add("ANDI");
        }
        if (!female && rnd.nextDouble() < 0.25) {
          words.add(pick(List.of("MUH.", "MUHAMMAD"), rnd));
        }
        words.add(pick(female ? BUGIS_F : BUGIS_M, rnd));
        maybe(words, 0.25, female ? BUGIS_F : BUGIS_M, rnd);
      }
      case BALINESE -> {
        words.add(female ? "NI" : "I");
        words.add(pick(female ? BALINESE_ORDER_F : BALINESE_ORDER_M, rnd));
        maybe(words, 0.35, female ? BALINESE_F : BALINESE_M, rnd);
        words.add(pick(female ? BALINESE_F : BALINESE_M, rnd));
      }
      case CHINESE -> {
        if (rnd.nextDouble() < 0.3) {
          words.add(pick(CHINESE_SURNAME, rnd));
          words.add(pick(CHINESE_SYLLABLE, rnd));
          words.add(pick(CHINESE_SYLLABLE, rnd));
        } else {
          words.add(pick(female ? CHINESE_F : CHINESE_M, rnd));
          words.add(pick(CHINESE_FAMILY, rnd));
        }
      }
      case ARABIC -> {
        List<String> pool = female ? ARABIC_F : ARABIC_M;
        double roll = rnd.nextDouble();
        if (!female && roll < 0.12) {
          words.add(pick(ABBREVIATED, rnd));
        } else if (roll < 0.18) {
          words.add(pick(female ? APOSTROPHE_F : APOSTROPHE_M, rnd));
        } else {
          words.add(pick(pool, rnd));
        }
        words.add(pick(young ? (female ? MODERN_F : MODERN_M) : pool, rnd));
        maybe(words, 0.35, pool, rnd);
      }
      case EASTERN -> {
        words.add(pick(female ? EASTERN_F : EASTERN_M, rnd));
        maybe(words, 0.2, female ? EASTERN_F : EASTERN_M, rnd);
        words.add(pick(EASTERN_FAMILY, rnd));
      }
    }
    boolean singleAllowed =
        custom == Custom.JAVANESE || custom == Custom.SUNDANESE || custom == Custom.MINANG;
    if (singleAllowed && words.size() > 1 && rnd.nextDouble() < (young ? 0.03 : 0.2)) {
      words.subList(1, words.size()).clear();
    }
    dropRepeats(words);
    while (words.size() > 4) {
      words.remove(words.size() - 2);
    }
    return String.join(" ", words);
  }

  private static void maybe(List<String> words, double chance, List<String> pool, Random rnd) {
    if (rnd.nextDouble() < chance) {
      words.add(pick(pool, rnd));
    }
  }

  private static void dropRepeats(List<String> words) {
    for (int i = words.size() - 1; i > 0; i--) {
      if (words.subList(0, i).contains(words.get(i))) {
        words.remove(i);
      }
    }
  }
}
