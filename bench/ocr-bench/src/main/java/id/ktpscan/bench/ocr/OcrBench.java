package id.ktpscan.bench.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.pipeline.CardReader;
import id.ktpscan.ocr.pipeline.CardScan;
import id.ktpscan.ocr.pipeline.KtpPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Runs one engine over a generated set and writes what it read, card by card, with its latency and
 * the process's peak RSS: {@code OcrBench run --dir DIR --engine
 * ktp|ktp-v2|ktp-single|paddle|tesseract --out FILE}. Each engine runs in its own JVM so that its
 * memory is its own; {@link OcrReport} compares them.
 */
public final class OcrBench {

  private OcrBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = null;
    Path out = null;
    String engine = "ktp";
    int warmup = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--engine" -> engine = args[++i];
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (dir == null || out == null) {
      throw new IllegalArgumentException(
          "usage: OcrBench --dir DIR --engine ktp|ktp-v2|ktp-v2check|ktp-single|paddle|tesseract"
              + " --out FILE");
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    List<Path> truths;
    try (Stream<Path> files = Files.list(dir)) {
      truths = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    ObjectNode report = json.createObjectNode();
    report.put("engine", engine);
    ArrayNode cards = report.putArray("cards");
    KtpPipeline.Options options =
        switch (engine) {
          case "ktp" -> KtpPipeline.Options.defaults().withRecognizer(OcrModels.Recognizer.KTP);
          // The second KTP model leading, the first checking its names.
          case "ktp-v2" ->
              KtpPipeline.Options.defaults().withRecognizer(OcrModels.Recognizer.KTP_V2);
          // The KTP recogniser with its checker before v3, the second model of its own recipe.
          case "ktp-v2check" ->
              KtpPipeline.Options.defaults()
                  .withRecognizer(OcrModels.Recognizer.KTP)
                  .withChecker(OcrModels.Recognizer.KTP_V2);
          // The KTP recogniser alone, without its name checker: what the checker changes.
          case "ktp-single" ->
              KtpPipeline.Options.defaults()
                  .withRecognizer(OcrModels.Recognizer.KTP)
                  .withChecker(null);
          case "paddle", "tesseract" ->
              KtpPipeline.Options.defaults().withRecognizer(OcrModels.Recognizer.PPOCR_V4);
          default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    try (KtpPipeline pipeline = KtpPipeline.load(options);
        CardReader reader =
            engine.equals("tesseract")
                ? pipeline.newReader(new TesseractTextSource())
                : pipeline.newReader()) {
      // Warm up on the first photos: class loading, ONNX session initialisation, JIT.
      for (int i = 0; i < Math.min(warmup, truths.size()); i++) {
        reader.scan(Files.readAllBytes(image(truths.get(i))));
      }
      long start = System.nanoTime();
      List<Long> latencies = new ArrayList<>();
      for (Path truth : truths) {
        JsonNode expected = json.readTree(truth.toFile());
        ObjectNode card = cards.addObject();
        String name = expected.path("name").asText();
        card.put("name", name);
        long t0 = System.nanoTime();
        CardScan scan = reader.scan(Files.readAllBytes(image(truth)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        latencies.add(ms);
        card.put("latencyMs", ms);
        put(card.putObject("photo"), scan);
        Path clean = dir.resolve("clean").resolve(name + ".png");
        if (Files.exists(clean)) {
          Mat flat = Imgcodecs.imread(clean.toString(), Imgcodecs.IMREAD_COLOR);
          put(card.putObject("clean"), reader.scanFlatCard(flat));
          flat.release();
        }
      }
      report.put("photoSeconds", latencies.stream().mapToLong(Long::longValue).sum() / 1000.0);
      report.put("wallSeconds", (System.nanoTime() - start) / 1e9);
    }
    report.put("peakRssMb", peakRssMb());
    json.writeValue(out.toFile(), report);
  }

  private static Path image(Path truth) {
    return truth.resolveSibling(truth.getFileName().toString().replaceFirst("\\.json$", ".jpg"));
  }

  private static void put(ObjectNode node, CardScan scan) {
    node.put("outcome", scan.outcome().name());
    ArrayNode reasons = node.putArray("reasons");
    scan.reasons().forEach(r -> reasons.add(r.name()));
    ObjectNode fields = node.putObject("fields");
    ObjectNode confidence = node.putObject("confidence");
    for (KtpField f : KtpField.values()) {
      fields.put(f.wireName(), scan.value(f));
      var field = scan.fields().get(f);
      confidence.put(f.wireName(), field == null ? 0 : field.confidence());
    }
  }

  /** The peak resident set of this JVM (VmHWM), in MB. */
  static double peakRssMb() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }
}
