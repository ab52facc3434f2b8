package id.ktpscan.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.json.KtpJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The value of a {@code ktp.submissions.v1} record: a small JSON header followed by the encrypted
 * photo as raw bytes, so that the photo is not inflated by a third as base64 on its way through the
 * outbox (PostgreSQL), the broker and the worker.
 *
 * <pre>
 *   offset 0  4 bytes  magic "KSC1"
 *   offset 4  4 bytes  header length H, big-endian, 1 .. 65,536
 *   offset 8  H bytes  UTF-8 JSON: the event without the ciphertext, and its length
 *   offset 8+H         the ciphertext (with its 16-byte tag), exactly image.ciphertextBytes long
 * </pre>
 *
 * <p>{@link #decode} also reads the plain-JSON form every event had before (a value starting with
 * {@code {}), so records written by an older gateway are still consumed. Every malformation is an
 * {@link IllegalArgumentException} whose message never quotes the value.
 */
public final class SubmissionCreatedCodec {

  static final byte[] MAGIC = {'K', 'S', 'C', '1'};
  static final int MAX_HEADER_BYTES = 64 * 1024;

  /** The header: everything of the event except the ciphertext itself. */
  record Header(
      UUID eventId,
      UUID submissionId,
      UUID flowId,
      String partnerId,
      String correlationId,
      int attempt,
      String imageContentType,
      ImageHeader image,
      Instant createdAt) {}

  /** The encrypted photo's parameters; its bytes follow the header. */
  record ImageHeader(String alg, String keyId, byte[] iv, int ciphertextBytes) {}

  private SubmissionCreatedCodec() {}

  /** The record value for an event. */
  public static byte[] encode(SubmissionCreated event) {
    EncryptedPayload image = event.image();
    byte[] header;
    try {
      header =
          KtpJson.mapper()
              .writeValueAsBytes(
                  new Header(
                      event.eventId(),
                      event.submissionId(),
                      event.flowId(),
                      event.partnerId(),
                      event.correlationId(),
                      event.attempt(),
                      event.imageContentType(),
                      new ImageHeader(
                          image.alg(), image.keyId(), image.iv(), image.ciphertext().length),
                      event.createdAt()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a SubmissionCreated header", e);
    }
    if (header.length > MAX_HEADER_BYTES) {
      throw new IllegalArgumentException("SubmissionCreated header over " + MAX_HEADER_BYTES);
    }
    return ByteBuffer.allocate(MAGIC.length + 4 + header.length + image.ciphertext().length)
        .put(MAGIC)
        .putInt(header.length)
        .put(header)
        .put(image.ciphertext())
        .array();
  }

  /** Reads a record value: the framed form, or the plain JSON of older producers. */
  public static SubmissionCreated decode(byte[] value) {
    if (value == null || value.length == 0) {
      throw new IllegalArgumentException("empty SubmissionCreated value");
    }
    if (value[0] == '{') {
      return readJson(value);
    }
    if (value.length < MAGIC.length + 4
        || !Arrays.equals(value, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException("not a SubmissionCreated value (unknown format)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(value);
    int headerLength = buffer.getInt(MAGIC.length);
    int bodyStart = MAGIC.length + 4;
    if (headerLength < 1
        || headerLength > MAX_HEADER_BYTES
        || headerLength > value.length - bodyStart) {
      throw new IllegalArgumentException("SubmissionCreated header length out of range");
    }
    Header header;
    try {
      header = KtpJson.mapper().readValue(value, bodyStart, headerLength, Header.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "unreadable SubmissionCreated header: " + e.getClass().getSimpleName());
    }
    if (header.image() == null) {
      throw new IllegalArgumentException("SubmissionCreated header without image");
    }
    int imageStart = bodyStart + headerLength;
    if (header.image().ciphertextBytes() != value.length - imageStart) {
      throw new IllegalArgumentException(
          "SubmissionCreated image is "
              + (value.length - imageStart)
              + " bytes, its header says "
              + header.image().ciphertextBytes());
    }
    try {
      return new SubmissionCreated(
          header.eventId(),
          header.submissionId(),
          header.flowId(),
          header.partnerId(),
          header.correlationId(),
          header.attempt(),
          header.imageContentType(),
          new EncryptedPayload(
              header.image().alg(),
              header.image().keyId(),
              header.image().iv(),
              Arrays.copyOfRange(value, imageStart, value.length)),
          header.createdAt());
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("SubmissionCreated header lacks " + e.getMessage());
    }
  }

  private static SubmissionCreated readJson(byte[] value) {
    try {
      return KtpJson.mapper().readValue(value, SubmissionCreated.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "unreadable SubmissionCreated JSON: " + e.getClass().getSimpleName());
    }
  }
}
