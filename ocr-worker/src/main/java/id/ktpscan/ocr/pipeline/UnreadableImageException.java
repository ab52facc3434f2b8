package id.ktpscan.ocr.pipeline;

/** The bytes are not an image the pipeline can decode (corrupt, truncated, or too large). */
public class UnreadableImageException extends Exception {

  public UnreadableImageException(String message) {
    super(message);
  }
}
