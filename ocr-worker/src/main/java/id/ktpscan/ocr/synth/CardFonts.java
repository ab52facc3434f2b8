package id.ktpscan.ocr.synth;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sans-serif faces cards are printed in. Real e-KTPs use an Arial-like face and a special digit
 * face for the NIK; here several free faces stand in so that no reader can overfit to one. Faces
 * are loaded from their files (not by family name) so that a missing font is skipped rather than
 * silently replaced, and the order is fixed so that a seed picks the same face on every run.
 */
final class CardFonts {

  /** A regular and a bold face of one family. */
  record Family(String name, Font regular, Font bold) {}

  private static final String[][] CANDIDATES = {
    {"DejaVu Sans", "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"},
    {
      "DejaVu Sans Condensed",
      "dejavu/DejaVuSansCondensed.ttf",
      "dejavu/DejaVuSansCondensed-Bold.ttf"
    },
    {
      "Liberation Sans",
      "liberation/LiberationSans-Regular.ttf",
      "liberation/LiberationSans-Bold.ttf"
    },
    {"FreeSans", "freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"},
  };
  private static final String[][] DIGIT_CANDIDATES = {
    {"DejaVu Sans Mono", "dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf"},
    {
      "Liberation Mono",
      "liberation/LiberationMono-Regular.ttf",
      "liberation/LiberationMono-Bold.ttf"
    },
  };
  private static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype");

  private static final List<Family> TEXT = load(CANDIDATES);
  private static final List<Family> DIGITS = load(DIGIT_CANDIDATES);

  private CardFonts() {}

  /** Faces for labels and values; never empty (falls back to the JDK's logical sans face). */
  static List<Family> text() {
    return TEXT;
  }

  /** Faces that may print the NIK, in addition to the text faces. */
  static List<Family> digits() {
    return DIGITS;
  }

  /**
   * The faces of {@link #CANDIDATES} and {@link #DIGIT_CANDIDATES} that are not readable under
   * {@code fontDir}, by family name; empty when all are there. Cards drawn with some missing are
   * other cards than the same seed gives elsewhere (a model trained on DejaVu alone read Liberation
   * badly), so the command-line tools refuse to draw them ({@link #refuseIfMissing}).
   */
  static List<String> missing(Path fontDir) {
    List<String> missing = new ArrayList<>();
    for (String[][] candidates : List.of(CANDIDATES, DIGIT_CANDIDATES)) {
      for (String[] candidate : candidates) {
        if (!Files.isReadable(fontDir.resolve(candidate[1]))
            || !Files.isReadable(fontDir.resolve(candidate[2]))) {
          missing.add(candidate[0]);
        }
      }
    }
    return missing;
  }

  /** Environment variable that lets the command-line tools draw with the faces there are. */
  static final String ALLOW_MISSING = "KTP_SYNTH_ALLOW_MISSING_FONTS";

  /**
   * Exits with status 2 and says which packages to install when a face is missing, unless {@link
   * #ALLOW_MISSING} is {@code true}: for the command-line tools, whose sets (benchmarks, training
   * lines) must be the same cards on every machine.
   */
  static void refuseIfMissing(String tool) {
    List<String> missing = missing(FONT_DIR);
    if (missing.isEmpty() || "true".equals(System.getenv(ALLOW_MISSING))) {
      return;
    }
    System.err.println(
        tool
            + ": fonts missing under "
            + FONT_DIR
            + ": "
            + String.join(", ", missing)
            + ". Install the Debian packages fonts-dejavu-core fonts-liberation fonts-freefont-ttf"
            + " (./ktp does), or set "
            + ALLOW_MISSING
            + "=true to draw with the faces there are (the cards then differ from the same seed's"
            + " elsewhere).");
    System.exit(2);
  }

  private static List<Family> load(String[][] candidates) {
    List<Family> families = new ArrayList<>();
    for (String[] candidate : candidates) {
      Path regular = FONT_DIR.resolve(candidate[1]);
      Path bold = FONT_DIR.resolve(candidate[2]);
      if (Files.isReadable(regular) && Files.isReadable(bold)) {
        try {
          families.add(new Family(candidate[0], read(regular), read(bold)));
        } catch (IOException | FontFormatException e) {
          // An unreadable face is left out like a missing one.
        }
      }
    }
    if (families.isEmpty()) {
      families.add(
          new Family(
              Font.SANS_SERIF,
              new Font(Font.SANS_SERIF, Font.PLAIN, 1),
              new Font(Font.SANS_SERIF, Font.BOLD, 1)));
    }
    return List.copyOf(families);
  }

  private static Font read(Path file) throws IOException, FontFormatException {
    return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
  }
}
