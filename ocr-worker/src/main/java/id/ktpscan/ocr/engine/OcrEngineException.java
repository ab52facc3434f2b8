package id.ktpscan.ocr.engine;

/** Inference failed inside the engine; unchecked because callers can only report it. */
public class OcrEngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OcrEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
