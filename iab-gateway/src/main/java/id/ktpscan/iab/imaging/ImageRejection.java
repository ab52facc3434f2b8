package id.ktpscan.iab.imaging;

/** Why an upload is not an image this service accepts; each maps to a status and stable code. */
public enum ImageRejection {
  EMPTY(400, "IMAGE_EMPTY", "The image is empty."),
  TOO_LARGE(413, "IMAGE_TOO_LARGE", "The image file exceeds the size limit."),
  UNSUPPORTED_TYPE(415, "UNSUPPORTED_IMAGE_TYPE", "Only JPEG and PNG images are accepted."),
  CORRUPT(422, "IMAGE_CORRUPT", "The image is damaged or truncated."),
  TOO_MANY_PIXELS(422, "IMAGE_TOO_MANY_PIXELS", "The image has more pixels than allowed."),
  TOO_SMALL(422, "IMAGE_TOO_SMALL", "The image is too small to read a card from.");

  private final int status;
  private final String code;
  private final String detail;

  ImageRejection(int status, String code, String detail) {
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return detail;
  }
}
