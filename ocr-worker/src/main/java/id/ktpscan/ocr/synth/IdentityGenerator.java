package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.chance;
import static id.ktpscan.ocr.synth.Draw.pick;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.area.AreaDirectory.Area;
import id.ktpscan.ocr.synth.NameMaker.Custom;
import id.ktpscan.ocr.validate.Vocabulary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Draws synthetic but internally consistent identities: the NIK encodes a real Kemendagri district,
 * the birth date and the gender printed on the card; the Kel/Desa lies in the printed Kecamatan;
 * names, religions and occupations follow the region and age, so that the cross-checks the OCR
 * relies on (NIK against birth date, area snapping) behave as on real cards.
 */
public final class IdentityGenerator {

  /** "Today" for ages and issue dates; fixed so that a seed gives the same card on any day. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 6, 30);

  private static final LocalDate FIRST_EKTP = LocalDate.of(2011, 6, 1);
  private static final LocalDate LIFETIME_RULE = LocalDate.of(2016, 2, 1);

  /** Characters the OCR normaliser keeps; areas named with others (stray quotes) are not drawn. */
  private static final Pattern PRINTABLE = Pattern.compile("[A-Z0-9 ./,'()-]+");

  /** Rough population (millions) per province code, so that Java dominates as it does. */
  private static final Map<String, Double> POPULATION =
      Map.ofEntries(
          Map.entry("11", 5.5),
          Map.entry("12", 15.0),
          Map.entry("13", 5.6),
          Map.entry("14", 6.6),
          Map.entry("15", 3.6),
          Map.entry("16", 8.6),
          Map.entry("17", 2.1),
          Map.entry("18", 9.2),
          Map.entry("19", 1.5),
          Map.entry("21", 2.2),
          Map.entry("31", 10.7),
          Map.entry("32", 49.0),
          Map.entry("33", 37.0),
          Map.entry("34", 3.7),
          Map.entry("35", 41.0),
          Map.entry("36", 12.0),
          Map.entry("51", 4.4),
          Map.entry("52", 5.5),
          Map.entry("53", 5.5),
          Map.entry("61", 5.5),
          Map.entry("62", 2.7),
          Map.entry("63", 4.2),
          Map.entry("64", 3.9),
          Map.entry("65", 0.7),
          Map.entry("71", 2.7),
          Map.entry("72", 3.1),
          Map.entry("73", 9.3),
          Map.entry("74", 2.7),
          Map.entry("75", 1.2),
          Map.entry("76", 1.4),
          Map.entry("81", 1.9),
          Map.entry("82", 1.3));

  private final AreaDirectory areas;
  private final List<Area> provinces = new ArrayList<>();
  private final double[] provinceWeights;
  private final Vocab vocab = new Vocab();

  public IdentityGenerator(AreaDirectory areas) {
    this.areas = areas;
    for (int code = 11; code <= 99; code++) {
      areas.find(String.valueOf(code)).ifPresent(provinces::add);
    }
    if (provinces.isEmpty()) {
      throw new IllegalStateException("the area directory has no provinces");
    }
    provinceWeights =
        provinces.stream().mapToDouble(p -> POPULATION.getOrDefault(p.code(), 1.0)).toArray();
  }

  /** A fresh identity; the same {@code rnd} state gives the same identity. */
  public Identity next(Random caller) {
    Random rnd = Draw.fork(caller);
    boolean female = rnd.nextBoolean();
    LocalDate birth = birthDate(rnd);
    Area nikDistrict = district(randomRegency(rnd), rnd);
    Area homeDistrict = homeDistrict(nikDistrict, rnd);
    Area village = printableChild(homeDistrict, rnd);
    while (village == null) {
      homeDistrict = district(randomRegency(rnd), rnd);
      village = printableChild(homeDistrict, rnd);
    }
    Area homeRegency = parent(homeDistrict);
    Area homeProvince = parent(homeRegency);
    Custom custom = custom(nikDistrict.code().substring(0, 2), rnd);

    Map<KtpField, String> fields = new EnumMap<>(KtpField.class);
    Map<KtpField, String> printed = new EnumMap<>(KtpField.class);
    fields.put(KtpField.NIK, nik(nikDistrict, birth, female, rnd));
    fields.put(KtpField.NAME, NameMaker.make(custom, female, birth.getYear(), rnd));
    fields.put(KtpField.BIRTH_PLACE, birthPlace(nikDistrict, rnd));
    fields.put(KtpField.BIRTH_DATE, birth.toString());
    fields.put(KtpField.GENDER, female ? "PEREMPUAN" : "LAKI-LAKI");
    fields.put(KtpField.BLOOD_TYPE, bloodType(rnd));
    boolean urban =
        isCity(homeRegency)
            || village.code().substring(village.code().lastIndexOf('.') + 1).startsWith("1");
    fields.put(
        KtpField.ADDRESS, AddressMaker.make(urban, custom, neighbourNames(homeDistrict), rnd));
    fields.put(
        KtpField.RT_RW,
        String.format(
            "%03d/%03d", 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 20), 1 + rnd.nextInt(15)));
    fields.put(KtpField.VILLAGE, village.name());
    fields.put(KtpField.DISTRICT, homeDistrict.name());
    fields.put(KtpField.CITY, cityHeader(homeRegency, rnd));
    fields.put(KtpField.PROVINCE, provinceHeader(homeProvince));
    String religion = vocab.religion(custom, rnd);
    fields.put(KtpField.RELIGION, religion);
    if (religion.equals(vocab.catholic) && chance(0.4, rnd)) {
      printed.put(KtpField.RELIGION, "KATHOLIK");
    }
    int age = (int) ChronoUnit.YEARS.between(birth, REFERENCE_DATE);
    fields.put(KtpField.MARITAL_STATUS, vocab.maritalStatus(age, rnd));
    fields.put(KtpField.OCCUPATION, vocab.occupation(age, female, rnd));
    fields.put(KtpField.NATIONALITY, "WNI");
    LocalDate issued = issueDate(birth, rnd);
    fields.put(KtpField.VALID_UNTIL, validUntil(birth, issued, rnd));
    return new Identity(fields, printed, shortName(homeRegency), issued, village.code());
  }

  private LocalDate birthDate(Random rnd) {
    int age = chance(0.7, rnd) ? Draw.between(18, 55, rnd) : Draw.between(17, 80, rnd);
    LocalDate latest = REFERENCE_DATE.minusYears(age);
    LocalDate birth = latest.minusDays(rnd.nextInt(365));
    return birth.isAfter(REFERENCE_DATE.minusYears(17)) ? REFERENCE_DATE.minusYears(17) : birth;
  }

  private Area randomRegency(Random rnd) {
    Area province = Draw.weighted(provinces, provinceWeights, rnd);
    return pick(areas.childrenOf(province.code()), rnd);
  }

  private Area district(Area regency, Random rnd) {
    List<Area> districts = areas.childrenOf(regency.code());
    while (districts.isEmpty()) {
      districts = areas.childrenOf(randomRegency(rnd).code());
    }
    return pick(districts, rnd);
  }

  private Area homeDistrict(Area nikDistrict, Random rnd) {
    double roll = rnd.nextDouble();
    if (roll < 0.8) {
      return nikDistrict;
    }
    if (roll < 0.9) {
      return pick(areas.childrenOf(parent(nikDistrict).code()), rnd);
    }
    return district(randomRegency(rnd), rnd);
  }

  private Area printableChild(Area district, Random rnd) {
    if (!PRINTABLE.matcher(district.name()).matches()) {
      return null;
    }
    List<Area> villages =
        areas.childrenOf(district.code()).stream()
            .filter(v -> PRINTABLE.matcher(v.name()).matches())
            .toList();
    return villages.isEmpty() ? null : pick(villages, rnd);
  }

  private List<String> neighbourNames(Area district) {
    return areas.childrenOf(district.code()).stream()
        .map(Area::name)
        .filter(name -> PRINTABLE.matcher(name).matches() && name.length() <= 16)
        .toList();
  }

  private Area parent(Area area) {
    String code = area.code();
    return areas.find(code.substring(0, code.lastIndexOf('.'))).orElseThrow();
  }

  private static String nik(Area district, LocalDate birth, boolean female, Random rnd) {
    int serial = 1 + (int) Math.min(9998, -Math.log(1 - rnd.nextDouble()) * 400);
    return district.code().replace(".", "")
        + String.format(
            "%02d%02d%02d%04d",
            birth.getDayOfMonth() + (female ? 40 : 0),
            birth.getMonthValue(),
            birth.getYear() % 100,
            serial);
  }

  private String birthPlace(Area nikDistrict, Random rnd) {
    Area regency = chance(0.7, rnd) ? parent(nikDistrict) : randomRegency(rnd);
    String name = shortName(regency);
    return PRINTABLE.matcher(name).matches() ? name : shortName(parent(nikDistrict));
  }

  private static String bloodType(Random rnd) {
    if (chance(0.6, rnd)) {
      return "-";
    }
    return Draw.weighted(List.of("O", "A", "B", "AB"), new double[] {35, 27, 30, 8}, rnd);
  }

  private static boolean isCity(Area regency) {
    return regency.name().startsWith("KOTA ");
  }

  /** A regency's name without its KABUPATEN/KOTA (ADMINISTRASI) prefix, as places are written. */
  static String shortName(Area regency) {
    String name = regency.name();
    for (String prefix :
        List.of("KABUPATEN ADMINISTRASI ", "KOTA ADMINISTRASI ", "KABUPATEN ", "KOTA ")) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  private static String cityHeader(Area regency, Random rnd) {
    String name = regency.name().replace(" ADMINISTRASI ", " ");
    if (regency.code().startsWith("31.") && chance(0.6, rnd)) {
      return shortName(regency);
    }
    return name;
  }

  private static String provinceHeader(Area province) {
    return province.code().equals("31") ? "DKI JAKARTA" : province.name();
  }

  private static Custom custom(String provinceCode, Random rnd) {
    if (chance(0.15, rnd)) {
      return pick(List.of(Custom.values()), rnd);
    }
    if (chance(0.12, rnd)) {
      return Custom.ARABIC;
    }
    return switch (provinceCode) {
      case "11", "52" -> Custom.ARABIC;
      case "12" -> chance(0.6, rnd) ? Custom.BATAK : Custom.JAVANESE;
      case "13" -> Custom.MINANG;
      case "14", "15", "16", "17", "19", "21" -> chance(0.5, rnd) ? Custom.MINANG : Custom.JAVANESE;
      case "18", "33", "34", "35" -> Custom.JAVANESE;
      case "31" ->
          pick(List.of(Custom.JAVANESE, Custom.SUNDANESE, Custom.CHINESE, Custom.BATAK), rnd);
      case "32", "36" -> Custom.SUNDANESE;
      case "51" -> Custom.BALINESE;
      case "61" -> chance(0.35, rnd) ? Custom.CHINESE : Custom.EASTERN;
      case "62", "63", "64", "65" -> chance(0.6, rnd) ? Custom.JAVANESE : Custom.BUGIS;
      case "72", "73", "74", "75", "76" -> Custom.BUGIS;
      default -> Custom.EASTERN;
    };
  }

  private static LocalDate issueDate(LocalDate birth, Random rnd) {
    LocalDate from = birth.plusYears(17);
    if (from.isBefore(FIRST_EKTP)) {
      from = FIRST_EKTP;
    }
    long days = ChronoUnit.DAYS.between(from, REFERENCE_DATE);
    return from.plusDays(days <= 0 ? 0 : (long) (rnd.nextDouble() * days));
  }

  private static String validUntil(LocalDate birth, LocalDate issued, Random rnd) {
    if (issued.isBefore(LIFETIME_RULE) && chance(0.35, rnd)) {
      // Cards issued before the lifetime rule ran to the holder's birthday five years on.
      return birth.withYear(issued.getYear() + 5).toString();
    }
    return "SEUMUR HIDUP";
  }

  /** The closed vocabularies, drawn with rough real-world frequencies by region and age. */
  private static final class Vocab {
    final List<String> religions = Vocabulary.RELIGION.values();
    final String catholic = canonical(religions, "KATOLIK");
    final List<String> marital = Vocabulary.MARITAL_STATUS.values();
    final List<String> occupations = Vocabulary.OCCUPATION.values();
    final String student = canonical(occupations, "PELAJAR/MAHASISWA");
    final String retired = canonical(occupations, "PENSIUNAN");
    final String housewife = canonical(occupations, "MENGURUS RUMAH TANGGA");
    final double[] occupationWeights =
        weights(
            occupations,
            0.3,
            Map.ofEntries(
                Map.entry("KARYAWAN SWASTA", 20.0),
                Map.entry("WIRASWASTA", 16.0),
                Map.entry("PETANI/PEKEBUN", 10.0),
                Map.entry("BURUH HARIAN LEPAS", 6.0),
                Map.entry("PEDAGANG", 5.0),
                Map.entry("BELUM/TIDAK BEKERJA", 5.0),
                Map.entry("PEGAWAI NEGERI SIPIL", 3.0),
                Map.entry("GURU", 2.0),
                Map.entry("NELAYAN/PERIKANAN", 1.5),
                Map.entry("SOPIR", 1.5),
                Map.entry(student, 0.0),
                Map.entry(retired, 0.0),
                Map.entry(housewife, 0.0)));

    String religion(Custom custom, Random rnd) {
      Map<String, Double> shares =
          switch (custom) {
            case BALINESE -> Map.of("HINDU", 95.0, "ISLAM", 3.0, "KRISTEN", 1.0, "KATOLIK", 1.0);
            case EASTERN -> Map.of("KRISTEN", 55.0, "KATOLIK", 38.0, "ISLAM", 6.0);
            case BATAK -> Map.of("KRISTEN", 55.0, "ISLAM", 30.0, "KATOLIK", 15.0);
            case CHINESE ->
                Map.of("BUDHA", 38.0, "KRISTEN", 30.0, "KATOLIK", 20.0, "KONGHUCU", 11.0);
            case JAVANESE ->
                Map.of(
                    "ISLAM",
                    88.0,
                    "KRISTEN",
                    6.0,
                    "KATOLIK",
                    4.0,
                    "KEPERCAYAAN TERHADAP TUHAN YME",
                    1.0,
                    "HINDU",
                    0.5,
                    "BUDHA",
                    0.5);
            default -> Map.of("ISLAM", 96.0, "KRISTEN", 2.0, "KATOLIK", 1.5, "BUDHA", 0.5);
          };
      return Draw.weighted(religions, weights(religions, 0, shares), rnd);
    }

    String maritalStatus(int age, Random rnd) {
      double[] shares;
      if (age < 20) {
        shares = new double[] {95, 5, 0, 0};
      } else if (age < 26) {
        shares = new double[] {55, 43, 2, 0};
      } else if (age < 41) {
        shares = new double[] {18, 74, 6, 2};
      } else if (age < 61) {
        shares = new double[] {4, 78, 8, 10};
      } else {
        shares = new double[] {2, 62, 5, 31};
      }
      List<String> order = List.of("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI");
      return canonical(marital, Draw.weighted(order, shares, rnd));
    }

    String occupation(int age, boolean female, Random rnd) {
      if (age <= 23 && chance(0.55, rnd)) {
        return student;
      }
      if (age >= 58 && chance(0.35, rnd)) {
        return retired;
      }
      if (female && age > 20 && chance(0.3, rnd)) {
        return housewife;
      }
      return Draw.weighted(occupations, occupationWeights, rnd);
    }

    private static double[] weights(List<String> values, double rest, Map<String, Double> shares) {
      double[] weights = new double[values.size()];
      Arrays.fill(weights, rest);
      shares.forEach((value, share) -> weights[values.indexOf(canonical(values, value))] = share);
      return weights;
    }

    private static String canonical(List<String> values, String value) {
      if (!values.contains(value)) {
        throw new IllegalStateException(value + " is not in the vocabulary");
      }
      return value;
    }
  }
}
