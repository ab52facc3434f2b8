package id.ktpscan.ocr.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
  void sameSeedWritesIdenticalFiles(@TempDir Path dir) throws IOException {
    SyntheticSet set = new SyntheticSet(SynthFixtures.AREAS);
    set.write(2, 7, dir.resolve("a"), false);
    set.write(2, 7, dir.resolve("b"), false);
    List<Path> files = files(dir.resolve("a"));
    assertEquals(2 * 3, files.size());
    for (Path file : files) {
      Path twin = dir.resolve("b").resolve(dir.resolve("a").relativize(file));
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), file::toString);
    }
  }

  @Test
  void readsBackTheGroundTruthWithOneNegativePerReason(@TempDir Path dir) throws IOException {
    SyntheticSet.Summary summary = new SyntheticSet(SynthFixtures.AREAS).write(1, 3, dir, true);
    assertEquals(1 + NegativeMaker.REASONS.size(), summary.total());
    List<SyntheticSet.Sample> samples = SyntheticSet.read(dir);
    assertEquals(summary.total(), samples.size());
    Set<RetryReason> reasons = EnumSet.noneOf(RetryReason.class);
    for (SyntheticSet.Sample sample : samples) {
      assertTrue(Files.exists(sample.image()));
      if (sample.positive()) {
        assertEquals("ktp-00000", sample.name());
        assertEquals(SyntheticSet.EXTRACTED, sample.outcome());
        assertEquals(KtpField.values().length, sample.fields().size());
        assertEquals(4, sample.corners().size());
        assertTrue(Files.exists(sample.clean()));
      } else {
        reasons.add(sample.reason());
        assertEquals(SyntheticSet.RETRY_REQUIRED, sample.outcome());
        assertTrue(
            sample.name().startsWith("neg-" + sample.reason().name().toLowerCase() + "-"),
            sample::name);
        assertEquals(sample.reason() == RetryReason.NO_CARD, sample.corners().isEmpty());
        assertEquals(
            sample.reason() == RetryReason.NO_CARD || sample.reason() == RetryReason.NOT_KTP,
            sample.fields().isEmpty());
      }
    }
    assertEquals(Set.copyOf(NegativeMaker.REASONS), reasons);
  }

  @Test
  void negativesAloneAreTheSameSamplesAsNextToPositives(@TempDir Path dir) throws IOException {
    SyntheticSet set = new SyntheticSet(SynthFixtures.AREAS);
    SyntheticSet.Summary alone = set.write(0, 11, dir.resolve("alone"), 9);
    set.write(1, 11, dir.resolve("mixed"), true);
    assertEquals(9, alone.total());
    assertEquals(NegativeMaker.REASONS.size(), SyntheticSet.defaultNegatives(1));
    assertEquals(50, SyntheticSet.defaultNegatives(200));
    for (int i = 0; i < NegativeMaker.REASONS.size(); i++) {
      String name =
          String.format("neg-%s-%05d", NegativeMaker.REASONS.get(i).name().toLowerCase(), i);
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("mixed").resolve(name + ".jpg")),
          Files.readAllBytes(dir.resolve("alone").resolve(name + ".jpg")),
          name);
    }
    assertThrows(IllegalArgumentException.class, () -> set.write(1, 11, dir.resolve("x"), -1));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
