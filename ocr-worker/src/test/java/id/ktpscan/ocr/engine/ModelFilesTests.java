package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTests {

  @TempDir Path cache;

  @Test
  void racingCopiesLeaveOneCompleteFileAndNoPartials() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> copies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        copies.add(
            pool.submit(() -> ModelFiles.extract(ModelFiles.BUNDLE_DIR + ModelFiles.KEYS, cache)));
      }
      for (Future<Path> copy : copies) {
        assertThat(copy.get()).isEqualTo(cache.resolve(ModelFiles.KEYS));
      }
    } finally {
      pool.shutdown();
    }

    assertThat(Files.readAllLines(cache.resolve(ModelFiles.KEYS))).hasSize(6623);
    try (var files = Files.list(cache)) {
      assertThat(files).containsExactly(cache.resolve(ModelFiles.KEYS));
    }
  }

  @Test
  void reusesAnExistingCopy() throws Exception {
    Path first = ModelFiles.extract(ModelFiles.BUNDLE_DIR + ModelFiles.KEYS, cache);
    var written = Files.getLastModifiedTime(first);

    Path second = ModelFiles.extract(ModelFiles.BUNDLE_DIR + ModelFiles.KEYS, cache);

    assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
  }

  @Test
  void replacesACopyOfTheSameSizeWithOtherBytes() throws Exception {
    // A retrained model of the same architecture has exactly the old one's size.
    Path copy = ModelFiles.extract(ModelFiles.BUNDLE_DIR + ModelFiles.KEYS, cache);
    byte[] original = Files.readAllBytes(copy);
    byte[] stale = original.clone();
    stale[0] ^= 1;
    Files.write(copy, stale);

    Path again = ModelFiles.extract(ModelFiles.BUNDLE_DIR + ModelFiles.KEYS, cache);

    assertThat(Files.readAllBytes(again)).isEqualTo(original);
  }
}
