package id.ktpscan.contracts.crypto;

/** An event payload that cannot be decrypted: tampered, misrouted, or under an unknown key. */
public class PayloadDecryptionException extends RuntimeException {

  public PayloadDecryptionException(String message) {
    super(message);
  }
}
