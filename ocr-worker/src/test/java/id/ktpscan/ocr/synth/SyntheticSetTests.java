package id.ktpscan.ocr.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.ocr.area.AreaDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSetTests {

  @Test
  void aThirdOrMoreOfSixtyAreHard() {
    for (long seed : new long[] {1, 7, 123}) {
      int hard = 0;
      for (int i = 0; i < 60; i++) {
        hard += SyntheticSet.difficulty(seed, i) == Difficulty.HARD ? 1 : 0;
      }
      assertTrue(hard >= 20, "hard " + hard);
    }
  }

  @Test
  void sameSeedWritesIdenticalFilesAndReadsBack(@TempDir Path dir) throws IOException {
    SyntheticSet set = new SyntheticSet(AreaDirectory.load());
    set.write(2, 7, dir.resolve("a"), true);
    set.write(2, 7, dir.resolve("b"), true);
    List<Path> files = files(dir.resolve("a"));
    assertEquals(2 * 3 + NegativeMaker.REASONS.size() * 3 - 1, files.size());
    for (Path file : files) {
      Path twin = dir.resolve("b").resolve(dir.resolve("a").relativize(file));
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), file::toString);
    }

    List<SyntheticSet.Sample> samples = SyntheticSet.read(dir.resolve("a"));
    assertEquals(2 + NegativeMaker.REASONS.size(), samples.size());
    for (SyntheticSet.Sample sample : samples) {
      assertTrue(Files.exists(sample.image()));
      if (sample.name().startsWith("ktp-")) {
        assertEquals(SyntheticSet.EXTRACTED, sample.outcome());
        assertNull(sample.reason());
        assertEquals(KtpField.values().length, sample.fields().size());
        assertEquals(4, sample.corners().size());
        assertNotNull(sample.clean());
      } else {
        assertEquals(SyntheticSet.RETRY_REQUIRED, sample.outcome());
        assertNotNull(sample.reason());
        assertTrue(
            sample.name().startsWith("neg-" + sample.reason().name().toLowerCase() + "-"),
            sample::name);
      }
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
