package id.ktpscan.ocr.pipeline;

/** Loads OpenCV's native library once per process (openpnp's bundled build). */
public final class OpenCvLoader {

  private static volatile boolean loaded;

  private OpenCvLoader() {}

  public static void load() {
    if (!loaded) {
      synchronized (OpenCvLoader.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          loaded = true;
        }
      }
    }
  }
}
