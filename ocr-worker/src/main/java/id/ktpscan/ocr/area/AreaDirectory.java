package id.ktpscan.ocr.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Kemendagri area codes and names (provinces, regencies and cities, districts, villages), from the
 * resource the build derives from the npm package {@code idn-area-data} (ODbL; see the NOTICE in
 * the jar). NIK area codes are checked here, and read Kel/Desa and Kecamatan names are snapped to
 * the real names inside a district.
 */
public final class AreaDirectory {

  static final String RESOURCE = "/id/ktpscan/ocr/area/kemendagri-areas.tsv.gz";

  /** One area; {@code code} dotted as Kemendagri writes it ({@code 32.04.05}). */
  public record Area(Level level, String code, String name) {}

  /** Levels of the hierarchy. */
  public enum Level {
    PROVINCE,
    REGENCY,
    DISTRICT,
    VILLAGE
  }

  private final Map<String, Area> byCode;
  private final Map<String, List<Area>> children;

  private AreaDirectory(Map<String, Area> byCode, Map<String, List<Area>> children) {
    this.byCode = byCode;
    this.children = children;
  }

  /** Loads the directory bundled in the jar. */
  public static AreaDirectory load() {
    try (InputStream in = AreaDirectory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: the build generates it (npm)");
      }
      return read(new GZIPInputStream(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  static AreaDirectory read(InputStream tsv) throws IOException {
    Map<String, Area> byCode = new HashMap<>(140_000);
    Map<String, List<Area>> children = new HashMap<>(10_000);
    BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      String[] parts = line.split("\t", 3);
      if (parts.length != 3) {
        continue;
      }
      Level level =
          switch (parts[0]) {
            case "P" -> Level.PROVINCE;
            case "R" -> Level.REGENCY;
            case "D" -> Level.DISTRICT;
            case "V" -> Level.VILLAGE;
            default -> throw new IOException("unknown area level " + parts[0]);
          };
      Area area = new Area(level, parts[1], parts[2].toUpperCase(Locale.ROOT));
      byCode.put(area.code(), area);
      int dot = area.code().lastIndexOf('.');
      children
          .computeIfAbsent(dot > 0 ? area.code().substring(0, dot) : "", k -> new ArrayList<>())
          .add(area);
    }
    return new AreaDirectory(Map.copyOf(byCode), Map.copyOf(children));
  }

  /** The area with this dotted code. */
  public Optional<Area> find(String dottedCode) {
    return Optional.ofNullable(byCode.get(dottedCode));
  }

  /** The district of a NIK's first six digits ({@code 320405} → {@code 32.04.05}). */
  public Optional<Area> districtOfNik(String nik) {
    if (nik == null || nik.length() < 6) {
      return Optional.empty();
    }
    return find(nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6));
  }

  /** The provinces. */
  public List<Area> provinces() {
    return childrenOf("");
  }

  /** The areas directly below one (the districts of a regency, the villages of a district). */
  public List<Area> childrenOf(String dottedCode) {
    return children.getOrDefault(dottedCode, List.of());
  }

  public int size() {
    return byCode.size();
  }
}
