package id.ktpscan.ocr.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Loads the native OpenCV library once, on first use by any thread, and converts between Java2D
 * images and OpenCV matrices (8-bit BGR).
 */
final class OpenCv {

  private OpenCv() {}

  private static final class Holder {
    static final boolean LOADED = load();

    private static boolean load() {
      nu.pattern.OpenCV.loadLocally();
      return true;
    }
  }

  /** Makes sure the native library is loaded; cheap after the first call. */
  static void load() {
    if (!Holder.LOADED) {
      throw new IllegalStateException("OpenCV did not load");
    }
  }

  /** An 8-bit BGR copy of an RGB image. */
  static Mat toMat(BufferedImage image) {
    load();
    BufferedImage rgb = image;
    if (!(image.getRaster().getDataBuffer() instanceof DataBufferInt)
        || !(image.getColorModel() instanceof DirectColorModel)
        || image.getType() != BufferedImage.TYPE_INT_RGB) {
      rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(image, 0, 0, null);
    }
    int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] bgr = new byte[pixels.length * 3];
    for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
      int p = pixels[i];
      bgr[j] = (byte) p;
      bgr[j + 1] = (byte) (p >> 8);
      bgr[j + 2] = (byte) (p >> 16);
    }
    Mat mat = new Mat(rgb.getHeight(), rgb.getWidth(), CvType.CV_8UC3);
    mat.put(0, 0, bgr);
    return mat;
  }

  /** JPEG bytes of an 8-bit BGR matrix. */
  static byte[] jpeg(Mat bgr, int quality) {
    MatOfByte out = new MatOfByte();
    Imgcodecs.imencode(".jpg", bgr, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
    byte[] bytes = out.toArray();
    out.release();
    return bytes;
  }

  /** PNG bytes of an 8-bit BGR matrix. */
  static byte[] png(Mat bgr) {
    MatOfByte out = new MatOfByte();
    Imgcodecs.imencode(".png", bgr, out, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6));
    byte[] bytes = out.toArray();
    out.release();
    return bytes;
  }
}
