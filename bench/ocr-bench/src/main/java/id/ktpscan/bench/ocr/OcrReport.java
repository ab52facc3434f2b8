package id.ktpscan.bench.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ktpscan.contracts.KtpField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores engines' readings against the generated ground truth and prints one Markdown table: {@code
 * OcrReport DIR results-a.json results-b.json …}.
 *
 * <p>Definitions (docs/benchmarks.md): coverage = EXTRACTED / cards with a readable card; precision
 * figures are over EXTRACTED cards; silent errors = EXTRACTED cards with a wrong NIK, name or birth
 * date, over every card of the set (negatives included); clean figures are the flat renders read
 * without card finding; latency is per photo on one thread, after warm-up.
 */
public final class OcrReport {

  private static final List<KtpField> KEY =
      List.of(KtpField.NIK, KtpField.NAME, KtpField.BIRTH_DATE);

  private OcrReport() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> truth = new LinkedHashMap<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode t = json.readTree(p.toFile());
        truth.put(t.path("name").asText(), t);
      }
    }
    List<Map<String, String>> columns = new ArrayList<>();
    List<String> engines = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      JsonNode results = json.readTree(Path.of(args[i]).toFile());
      engines.add(results.path("engine").asText());
      columns.add(score(truth, results));
    }
    StringBuilder table = new StringBuilder("| metric |");
    engines.forEach(e -> table.append(' ').append(e).append(" |"));
    table.append("\n|---|");
    engines.forEach(e -> table.append("---|"));
    table.append('\n');
    for (String metric : columns.get(0).keySet()) {
      table.append("| ").append(metric).append(" |");
      for (Map<String, String> column : columns) {
        table.append(' ').append(column.getOrDefault(metric, "")).append(" |");
      }
      table.append('\n');
    }
    System.out.print(table);
  }

  static Map<String, String> score(Map<String, JsonNode> truth, JsonNode results) {
    int cards = 0;
    int positives = 0;
    int extracted = 0;
    int silent = 0;
    int nikOk = 0;
    int keyOk = 0;
    int allOk = 0;
    int hard = 0;
    int hardExtracted = 0;
    int negatives = 0;
    int negativesRetry = 0;
    int negativesReason = 0;
    int cleanCards = 0;
    int cleanKey = 0;
    int cleanAll = 0;
    int[] fieldOk = new int[KtpField.values().length];
    List<Long> latencies = new ArrayList<>();
    for (JsonNode card : results.path("cards")) {
      JsonNode t = truth.get(card.path("name").asText());
      if (t == null) {
        continue;
      }
      cards++;
      latencies.add(card.path("latencyMs").asLong());
      JsonNode photo = card.path("photo");
      boolean isExtracted = photo.path("outcome").asText().equals("EXTRACTED");
      boolean positive = t.path("expected").path("outcome").asText().equals("EXTRACTED");
      JsonNode want = t.path("fields");
      JsonNode got = photo.path("fields");
      if (isExtracted && !matches(want, got, KEY)) {
        silent++;
      }
      if (!positive) {
        negatives++;
        if (!isExtracted) {
          negativesRetry++;
          String reason = t.path("expected").path("reason").asText();
          for (JsonNode r : photo.path("reasons")) {
            if (r.asText().equals(reason)) {
              negativesReason++;
              break;
            }
          }
        }
        continue;
      }
      positives++;
      boolean isHard = t.path("difficulty").asText().equals("HARD");
      if (isHard) {
        hard++;
      }
      if (card.has("clean")) {
        cleanCards++;
        JsonNode clean = card.path("clean");
        boolean cleanExtracted = clean.path("outcome").asText().equals("EXTRACTED");
        if (cleanExtracted && matches(want, clean.path("fields"), KEY)) {
          cleanKey++;
        }
        if (cleanExtracted && matches(want, clean.path("fields"), List.of(KtpField.values()))) {
          cleanAll++;
        }
      }
      if (!isExtracted) {
        continue;
      }
      extracted++;
      if (isHard) {
        hardExtracted++;
      }
      for (KtpField f : KtpField.values()) {
        if (matches(want, got, List.of(f))) {
          fieldOk[f.ordinal()]++;
        }
      }
      nikOk += matches(want, got, List.of(KtpField.NIK)) ? 1 : 0;
      keyOk += matches(want, got, KEY) ? 1 : 0;
      allOk += matches(want, got, List.of(KtpField.values())) ? 1 : 0;
    }
    latencies.sort(null);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cards (readable + negatives)", positives + " + " + negatives);
    m.put("coverage (EXTRACTED / readable)", pct(extracted, positives));
    m.put("coverage on HARD photos", pct(hardExtracted, hard));
    m.put("silent errors (wrong NIK/name/birth date delivered, of all cards)", pct(silent, cards));
    m.put("NIK exact (on EXTRACTED)", pct(nikOk, extracted));
    m.put("key fields exact: NIK + name + birth date (on EXTRACTED)", pct(keyOk, extracted));
    m.put("all 17 fields exact (on EXTRACTED)", pct(allOk, extracted));
    for (KtpField f : KtpField.values()) {
      m.put("  " + f.wireName() + " exact (on EXTRACTED)", pct(fieldOk[f.ordinal()], extracted));
    }
    m.put("negatives answered RETRY_REQUIRED", pct(negativesRetry, negatives));
    m.put("negatives with the expected reason", pct(negativesReason, negatives));
    m.put("clean renders: key fields exact", pct(cleanKey, cleanCards));
    m.put("clean renders: all 17 fields exact", pct(cleanAll, cleanCards));
    m.put(
        "latency per photo p50 (ms)",
        latencies.isEmpty() ? "-" : String.valueOf(percentile(latencies, 0.50)));
    m.put(
        "latency per photo p95 (ms)",
        latencies.isEmpty() ? "-" : String.valueOf(percentile(latencies, 0.95)));
    double seconds = results.path("photoSeconds").asDouble();
    m.put(
        "photos/s (one thread)",
        seconds > 0 ? String.format(Locale.ROOT, "%.2f", cards / seconds) : "-");
    m.put(
        "peak RSS (MB)", String.format(Locale.ROOT, "%.0f", results.path("peakRssMb").asDouble()));
    return m;
  }

  private static boolean matches(JsonNode want, JsonNode got, List<KtpField> fields) {
    for (KtpField f : fields) {
      JsonNode w = want.get(f.wireName());
      JsonNode g = got.get(f.wireName());
      String wv = w == null || w.isNull() ? null : w.asText();
      String gv = g == null || g.isNull() ? null : g.asText();
      if (wv == null || !Objects.equals(wv, gv)) {
        return false;
      }
    }
    return true;
  }

  static long percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String pct(int part, int whole) {
    return whole == 0
        ? "-"
        : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * part / whole, part, whole);
  }
}
