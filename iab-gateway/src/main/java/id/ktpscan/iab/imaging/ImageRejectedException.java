package id.ktpscan.iab.imaging;

/** An upload refused by {@link ImageInspector}. */
public class ImageRejectedException extends RuntimeException {

  private final ImageRejection rejection;

  public ImageRejectedException(ImageRejection rejection) {
    super(rejection.code(), null, false, false);
    this.rejection = rejection;
  }

  public ImageRejection rejection() {
    return rejection;
  }
}
