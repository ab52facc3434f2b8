package id.ktpscan.ocr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.ocr.engine.OcrModels;
import id.ktpscan.ocr.pipeline.CardReader;
import id.ktpscan.ocr.pipeline.CardScan;
import id.ktpscan.ocr.pipeline.KtpPipeline;
import id.ktpscan.ocr.pipeline.UnreadableImageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./ktp scan card.jpg} prints one JSON document {@code {outcome, reasons, fields,
 * confidence, checks, qualityFlags, timingsMs}}; {@code ./ktp scan --out DIR a.jpg b.jpg …} writes
 * {@code DIR/<name>.json} per image. The same pipeline as the Kafka worker, on local files.
 *
 * <p>Exit status: 0 when every image was read (whatever the outcome), 1 when an image could not be
 * decoded, 2 on a usage error.
 */
public final class ScanCli {

  private ScanCli() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Path outDir = null;
    OcrModels.Recognizer recognizer = OcrModels.Recognizer.KTP;
    List<Path> images = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--out needs a directory");
          }
          outDir = Path.of(args[++i]);
        }
        case "--recognizer" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--recognizer needs KTP, KTP_V2, KTP_V3 or PPOCR_V4");
          }
          try {
            recognizer = OcrModels.Recognizer.valueOf(args[++i].toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            return usage(err, "--recognizer must be KTP, KTP_V2, KTP_V3 or PPOCR_V4");
          }
        }
        case "-h", "--help" -> {
          usage(out, null);
          return 0;
        }
        default -> {
          if (args[i].startsWith("-")) {
            return usage(err, "unknown option " + args[i]);
          }
          images.add(Path.of(args[i]));
        }
      }
    }
    if (images.isEmpty()) {
      return usage(err, "no image given");
    }
    if (outDir == null && images.size() > 1) {
      return usage(err, "several images need --out DIR");
    }
    for (Path image : images) {
      if (!Files.isReadable(image)) {
        err.println("ktp scan: cannot read " + image);
        return 1;
      }
    }
    if (outDir != null) {
      Files.createDirectories(outDir);
    }
    ObjectMapper json =
        KtpJson.configure(new ObjectMapper())
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    int status = 0;
    try (KtpPipeline pipeline =
            KtpPipeline.load(KtpPipeline.Options.defaults().withRecognizer(recognizer));
        CardReader reader = pipeline.newReader()) {
      for (Path image : images) {
        CardScan scan;
        try {
          scan = reader.scan(Files.readAllBytes(image));
        } catch (UnreadableImageException e) {
          err.println("ktp scan: " + image + ": " + e.getMessage());
          status = 1;
          continue;
        }
        String document = json.writeValueAsString(scan);
        if (outDir == null) {
          out.println(document);
        } else {
          String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", "");
          Files.writeString(outDir.resolve(name + ".json"), document + "\n");
          out.println(image + " -> " + scan.outcome() + " " + scan.reasons());
        }
      }
    }
    return status;
  }

  private static int usage(PrintStream stream, String problem) {
    if (problem != null) {
      stream.println("ktp scan: " + problem);
    }
    stream.println("usage: ktp scan IMAGE            print the reading of one photo as JSON");
    stream.println("       ktp scan --out DIR IMAGE… write DIR/<name>.json per photo");
    stream.println(
        "       --recognizer KTP|KTP_V2|KTP_V3|PPOCR_V4  the text recogniser (default KTP, its"
            + " name read again by its checker; KTP_V2 or KTP_V3 leading, checked by KTP;"
            + " PPOCR_V4 the stock one)");
    return problem == null ? 0 : 2;
  }
}
