package id.ktpscan.iab.imaging;

/**
 * What the header of an accepted image says.
 *
 * @param format sniffed from the bytes
 * @param width in pixels
 * @param height in pixels
 * @param bytes the size of the file
 */
public record ImageInfo(ImageFormat format, int width, int height, int bytes) {}
