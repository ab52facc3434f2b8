package id.ktpscan.ocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which faces of the card fonts a font directory lacks (the CLIs refuse to draw without them). */
class CardFontsTests {

  @Test
  void anEmptyDirectoryLacksEveryFace() {
    assertThat(CardFonts.missing(Path.of("/nonexistent-font-dir")))
        .containsExactly(
            "DejaVu Sans",
            "DejaVu Sans Condensed",
            "Liberation Sans",
            "FreeSans",
            "DejaVu Sans Mono",
            "Liberation Mono");
  }

  @Test
  void aDirectoryWithDejaVuAloneLacksLiberationAndFreeSans(@TempDir Path dir) throws Exception {
    // The machine that once trained a model on DejaVu alone: nothing said the others were missing.
    Files.createDirectories(dir.resolve("dejavu"));
    for (String face :
        new String[] {
          "DejaVuSans",
          "DejaVuSans-Bold",
          "DejaVuSansCondensed",
          "DejaVuSansCondensed-Bold",
          "DejaVuSansMono",
          "DejaVuSansMono-Bold"
        }) {
      Files.writeString(dir.resolve("dejavu").resolve(face + ".ttf"), "not read here");
    }
    assertThat(CardFonts.missing(dir))
        .containsExactly("Liberation Sans", "FreeSans", "Liberation Mono");
  }

  @Test
  void aFaceNeedsItsBoldToo(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("freefont"));
    Files.writeString(dir.resolve("freefont/FreeSans.ttf"), "regular only");
    assertThat(CardFonts.missing(dir)).contains("FreeSans");
    Files.writeString(dir.resolve("freefont/FreeSansBold.ttf"), "and bold");
    assertThat(CardFonts.missing(dir)).doesNotContain("FreeSans");
  }
}
