package id.ktpscan.iab.imaging;

/** The image formats accepted for submissions, with their media types. */
public enum ImageFormat {
  JPEG("image/jpeg"),
  PNG("image/png");

  private final String mediaType;

  ImageFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }
}
