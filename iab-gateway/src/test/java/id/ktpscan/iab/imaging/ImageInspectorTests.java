package id.ktpscan.iab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ktpscan.contracts.testing.TestImages;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Header-only inspection: formats, dimensions, truncation, bombs, limits. */
class ImageInspectorTests {

  private final ImageInspector inspector =
      new ImageInspector(8 * 1024 * 1024, 40_000_000, 12_000, 300, 480);

  @Test
  void readsJpegAndPngDimensionsFromTheirHeaders() {
    ImageInfo jpeg = inspector.inspect(TestImages.jpeg(1280, 800, 1));
    assertThat(jpeg).isEqualTo(new ImageInfo(ImageFormat.JPEG, 1280, 800, jpeg.bytes()));
    ImageInfo png = inspector.inspect(TestImages.png(600, 900, 1));
    assertThat(png.format()).isEqualTo(ImageFormat.PNG);
    assertThat(png.width()).isEqualTo(600);
    assertThat(png.height()).isEqualTo(900);
  }

  @Test
  void bombIsRefusedFromAFewBytesOfHeader() {
    byte[] bomb = pngHeader(30_000, 30_000);
    assertThat(bomb.length).isLessThan(100);
    assertRejected(bomb, ImageRejection.TOO_MANY_PIXELS);
    assertRejected(pngHeader(13_000, 400), ImageRejection.TOO_MANY_PIXELS);
  }

  @Test
  void truncationAnywhereIsCorrupt() {
    byte[] jpeg = TestImages.jpeg(800, 600, 2);
    for (int cut : new int[] {3, 10, 100, jpeg.length / 2, jpeg.length - 1}) {
      assertRejected(Arrays.copyOf(jpeg, cut), ImageRejection.CORRUPT);
    }
    byte[] png = TestImages.png(800, 600, 2);
    for (int cut : new int[] {9, 20, 40, png.length / 2, png.length - 1}) {
      assertRejected(Arrays.copyOf(png, cut), ImageRejection.CORRUPT);
    }
  }

  @Test
  void typeComesFromTheBytes() {
    assertRejected("GIF89a-not-an-allowed-type".getBytes(), ImageRejection.UNSUPPORTED_TYPE);
    assertRejected(new byte[0], ImageRejection.EMPTY);
    assertRejected(new byte[8 * 1024 * 1024 + 1], ImageRejection.TOO_LARGE);
  }

  @Test
  void smallImagesAreRefusedInEitherOrientation() {
    assertRejected(TestImages.jpeg(400, 250, 3), ImageRejection.TOO_SMALL);
    assertRejected(TestImages.jpeg(250, 400, 3), ImageRejection.TOO_SMALL);
    assertThat(inspector.inspect(TestImages.jpeg(300, 480, 3)).height()).isEqualTo(480);
  }

  @Test
  void pngWithABrokenHeaderChecksumIsCorrupt() {
    byte[] png = TestImages.png(800, 600, 4);
    png[20] ^= 0x01; // a height bit, so the IHDR checksum no longer matches
    assertRejected(png, ImageRejection.CORRUPT);
  }

  private void assertRejected(byte[] data, ImageRejection expected) {
    assertThatThrownBy(() -> inspector.inspect(data))
        .isInstanceOf(ImageRejectedException.class)
        .extracting(e -> ((ImageRejectedException) e).rejection())
        .isEqualTo(expected);
  }

  private static byte[] pngHeader(int width, int height) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + 25 + 12);
    buffer.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    buffer.putInt(13).put("IHDR".getBytes()).putInt(width).putInt(height);
    buffer.put(new byte[] {8, 2, 0, 0, 0});
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(buffer.array(), 12, 17);
    buffer.putInt((int) crc.getValue());
    buffer.put(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
    return buffer.array();
  }
}
