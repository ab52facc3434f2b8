package id.ktpscan.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelFilesTests {

  @TempDir Path cache;

  @ParameterizedTest
  @EnumSource(names = {"KTP", "KTP_V2", "KTP_V3"})
  void eachBundledKtpModelIsTheOneItsProvenanceDescribes(OcrModels.Recognizer recognizer)
      throws Exception {
    // provenance.json says how the model was made; it must describe these bytes, not a model that
    // was retrained and copied in without it.
    String provenanceFile = recognizer.model.replace(".onnx", ".provenance.json");
    String provenance;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(provenanceFile)) {
      assertThat(in).as(provenanceFile).isNotNull();
      provenance = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher declared = Pattern.compile("\"sha256\":\\s*\"([0-9a-f]{64})\"").matcher(provenance);
    assertThat(declared.find()).as("sha256 in " + provenanceFile).isTrue();

    byte[] model = Files.readAllBytes(ModelFiles.extract(recognizer.model, cache));
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));

    assertThat(actual).isEqualTo(declared.group(1));
  }

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
