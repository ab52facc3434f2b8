package id.ktpscan.iab.imaging;

import java.util.zip.CRC32;

/**
 * Checks an upload from its bytes alone, without decoding pixels: the format is sniffed from the
 * signature (never trusted from headers), the dimensions are read from the JPEG frame header or the
 * PNG IHDR chunk, and the end marker must be present so that truncated files are refused. A
 * decompression bomb is refused from its header before anything decodes it.
 */
public final class ImageInspector {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] PNG_IEND = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82
  };

  private final int maxBytes;
  private final long maxPixels;
  private final int maxDimension;
  private final int minShortSide;
  private final int minLongSide;

  public ImageInspector(
      int maxBytes, long maxPixels, int maxDimension, int minShortSide, int minLongSide) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.maxDimension = maxDimension;
    this.minShortSide = minShortSide;
    this.minLongSide = minLongSide;
  }

  /** The size limit, for callers that check it before reading a body into memory. */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Inspects an image.
   *
   * @throws ImageRejectedException with the first reason the image is refused
   */
  public ImageInfo inspect(byte[] data) {
    if (data == null || data.length == 0) {
      throw new ImageRejectedException(ImageRejection.EMPTY);
    }
    if (data.length > maxBytes) {
      throw new ImageRejectedException(ImageRejection.TOO_LARGE);
    }
    ImageInfo info;
    if (startsWith(data, PNG_SIGNATURE)) {
      info = inspectPng(data);
    } else if (data.length >= 3
        && (data[0] & 0xFF) == 0xFF
        && (data[1] & 0xFF) == 0xD8
        && (data[2] & 0xFF) == 0xFF) {
      info = inspectJpeg(data);
    } else {
      throw new ImageRejectedException(ImageRejection.UNSUPPORTED_TYPE);
    }
    checkDimensions(info.width(), info.height());
    return info;
  }

  private void checkDimensions(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new ImageRejectedException(ImageRejection.CORRUPT);
    }
    if (width > maxDimension || height > maxDimension || (long) width * (long) height > maxPixels) {
      throw new ImageRejectedException(ImageRejection.TOO_MANY_PIXELS);
    }
    if (Math.min(width, height) < minShortSide || Math.max(width, height) < minLongSide) {
      throw new ImageRejectedException(ImageRejection.TOO_SMALL);
    }
  }

  private static ImageInfo inspectPng(byte[] data) {
    // Signature, then IHDR: length 13, type, width, height, 5 bytes of fields, CRC.
    if (data.length < 8 + 25 + PNG_IEND.length) {
      throw new ImageRejectedException(ImageRejection.CORRUPT);
    }
    if (readInt(data, 8) != 13
        || data[12] != 'I'
        || data[13] != 'H'
        || data[14] != 'D'
        || data[15] != 'R') {
      throw new ImageRejectedException(ImageRejection.CORRUPT);
    }
    CRC32 crc = new CRC32();
    crc.update(data, 12, 17);
    if ((int) crc.getValue() != readInt(data, 29)) {
      throw new ImageRejectedException(ImageRejection.CORRUPT);
    }
    int width = readInt(data, 16);
    int height = readInt(data, 20);
    if (!endsWith(data, PNG_IEND)) {
      throw new ImageRejectedException(ImageRejection.CORRUPT);
    }
    return new ImageInfo(ImageFormat.PNG, width, height, data.length);
  }

  private static ImageInfo inspectJpeg(byte[] data) {
    int position = 2;
    int width = -1;
    int height = -1;
    int scanStart = -1;
    while (scanStart < 0) {
      if (position >= data.length || (data[position] & 0xFF) != 0xFF) {
        throw new ImageRejectedException(ImageRejection.CORRUPT);
      }
      while (position < data.length && (data[position] & 0xFF) == 0xFF) {
        position++; // fill bytes
      }
      if (position >= data.length) {
        throw new ImageRejectedException(ImageRejection.CORRUPT);
      }
      int marker = data[position++] & 0xFF;
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // stand-alone markers carry no length
      }
      if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) {
        throw new ImageRejectedException(ImageRejection.CORRUPT);
      }
      if (position + 2 > data.length) {
        throw new ImageRejectedException(ImageRejection.CORRUPT);
      }
      int length = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
      if (length < 2 || position + length > data.length) {
        throw new ImageRejectedException(ImageRejection.CORRUPT);
      }
      if (isStartOfFrame(marker)) {
        if (length < 8 || width >= 0) {
          throw new ImageRejectedException(ImageRejection.CORRUPT);
        }
        height = ((data[position + 3] & 0xFF) << 8) | (data[position + 4] & 0xFF);
        width = ((data[position + 5] & 0xFF) << 8) | (data[position + 6] & 0xFF);
      } else if (marker == 0xDA) {
        if (width < 0) {
          throw new ImageRejectedException(ImageRejection.CORRUPT);
        }
        scanStart = position + length;
      }
      position += length;
    }
    // Entropy-coded data stuffs every 0xFF with 0x00, so an FF D9 after the first scan can only be
    // the end-of-image marker; without it the file was cut short.
    if (!containsEndOfImage(data, scanStart)) {
      throw new ImageRejectedException(ImageRejection.CORRUPT);
    }
    return new ImageInfo(ImageFormat.JPEG, width, height, data.length);
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static boolean containsEndOfImage(byte[] data, int from) {
    for (int i = data.length - 2; i >= from; i--) {
      if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  private static int readInt(byte[] data, int offset) {
    return ((data[offset] & 0xFF) << 24)
        | ((data[offset + 1] & 0xFF) << 16)
        | ((data[offset + 2] & 0xFF) << 8)
        | (data[offset + 3] & 0xFF);
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] data, byte[] suffix) {
    int offset = data.length - suffix.length;
    for (int i = 0; i < suffix.length; i++) {
      if (data[offset + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }
}
