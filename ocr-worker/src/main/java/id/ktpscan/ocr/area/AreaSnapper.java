package id.ktpscan.ocr.area;

import id.ktpscan.ocr.area.AreaDirectory.Area;
import id.ktpscan.ocr.validate.TextDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Snaps read area names (the header's province and regency or city, Kel/Desa, Kecamatan) to the
 * real names, only when the read text is close to one: a name that is far from every candidate is
 * reported as read and flagged, not replaced by a plausible wrong one.
 */
public final class AreaSnapper {

  /** A real area the read text matched, in the spelling the card prints. */
  public record Snapped(String code, String printed, double similarity) {}

  private final AreaDirectory areas;

  public AreaSnapper(AreaDirectory areas) {
    this.areas = areas;
  }

  public AreaDirectory areas() {
    return areas;
  }

  /** The province of a header line ({@code JAWA BARAT}, {@code DKI JAKARTA}). */
  public Optional<Snapped> province(String read, double minSimilarity) {
    List<Candidate> candidates = new ArrayList<>();
    for (Area p : areas.provinces()) {
      for (String form : provinceForms(p.name())) {
        candidates.add(new Candidate(p.code(), form));
      }
    }
    return best(read, candidates, minSimilarity);
  }

  /**
   * The regency or city of the second header line ({@code KABUPATEN BANDUNG}, {@code KOTA BLITAR},
   * {@code JAKARTA TIMUR}); within one province when its code is known.
   */
  public Optional<Snapped> regency(String read, String provinceCode, double minSimilarity) {
    Collection<Area> regencies =
        provinceCode != null
            ? areas.childrenOf(provinceCode)
            : areas.provinces().stream().flatMap(p -> areas.childrenOf(p.code()).stream()).toList();
    List<Candidate> candidates = new ArrayList<>();
    for (Area r : regencies) {
      for (String form : regencyForms(r.name())) {
        candidates.add(new Candidate(r.code(), form));
      }
    }
    return best(read, candidates, minSimilarity);
  }

  /** A place name snapped to a regency or city name without its prefix (birth places). */
  public Optional<Snapped> placeName(String read, double minSimilarity) {
    List<Candidate> candidates = new ArrayList<>();
    for (Area p : areas.provinces()) {
      for (Area r : areas.childrenOf(p.code())) {
        candidates.add(new Candidate(r.code(), bareRegencyName(r.name())));
      }
    }
    return best(read, candidates, minSimilarity);
  }

  /** A Kecamatan among the districts of the given regencies. */
  public Optional<Snapped> district(String read, Collection<String> regencyCodes, double min) {
    List<Candidate> candidates = new ArrayList<>();
    for (String regency : regencyCodes) {
      for (Area d : areas.childrenOf(regency)) {
        candidates.add(new Candidate(d.code(), d.name()));
      }
    }
    return best(read, candidates, min);
  }

  /** A Kel/Desa among the villages of one district. */
  public Optional<Snapped> village(String read, String districtCode, double min) {
    List<Candidate> candidates = new ArrayList<>();
    for (Area v : areas.childrenOf(districtCode)) {
      candidates.add(new Candidate(v.code(), v.name()));
    }
    return best(read, candidates, min);
  }

  static List<String> provinceForms(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    List<String> forms = new ArrayList<>(List.of(upper));
    if (upper.startsWith("DAERAH KHUSUS IBUKOTA ")) {
      forms.add("DKI " + upper.substring("DAERAH KHUSUS IBUKOTA ".length()));
    } else if (upper.startsWith("DAERAH ISTIMEWA ")) {
      forms.add("DI " + upper.substring("DAERAH ISTIMEWA ".length()));
      forms.add("D.I. " + upper.substring("DAERAH ISTIMEWA ".length()));
    }
    return forms;
  }

  static List<String> regencyForms(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    List<String> forms = new ArrayList<>();
    forms.add(upper);
    String plain = upper.replace(" ADMINISTRASI ", " ");
    if (!plain.equals(upper)) {
      forms.add(plain);
    }
    if (plain.startsWith("KOTA ") && upper.contains("ADMINISTRASI")) {
      // Jakarta cards print the city without its prefix.
      forms.add(plain.substring("KOTA ".length()));
    }
    return forms;
  }

  static String bareRegencyName(String name) {
    String upper = name.toUpperCase(Locale.ROOT).replace(" ADMINISTRASI ", " ");
    for (String prefix : List.of("KABUPATEN ", "KOTA ")) {
      if (upper.startsWith(prefix)) {
        return upper.substring(prefix.length());
      }
    }
    return upper;
  }

  private record Candidate(String code, String text) {}

  private static Optional<Snapped> best(String read, List<Candidate> candidates, double min) {
    if (read == null || read.isBlank()) {
      return Optional.empty();
    }
    String text = TextDistance.normalize(read);
    String compact = text.replace(" ", "");
    Snapped best = null;
    for (Candidate c : candidates) {
      double similarity =
          Math.max(
              TextDistance.similarity(text, c.text()),
              TextDistance.similarity(compact, c.text().replace(" ", "")));
      if (best == null || similarity > best.similarity()) {
        best = new Snapped(c.code(), c.text(), similarity);
      }
    }
    return best != null && best.similarity() >= min ? Optional.of(best) : Optional.empty();
  }
}
