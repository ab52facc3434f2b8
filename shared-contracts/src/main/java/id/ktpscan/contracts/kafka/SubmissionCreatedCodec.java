package id.ktpscan.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.json.KtpJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

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

  /** In the header, the image's {@code ciphertext} is replaced by its length under this name. */
  static final String CIPHERTEXT_BYTES = "ciphertextBytes";

  private static final byte[] NO_BYTES = new byte[0];

  private SubmissionCreatedCodec() {}

  /** The record value for an event. */
  public static byte[] encode(SubmissionCreated event) {
    EncryptedPayload image = event.image();
    byte[] header;
    try {
      // The event's own JSON, so the header follows the event record as it grows; the image's
      // bytes are left out (written as an empty ciphertext, then swapped for their length).
      ObjectNode tree = KtpJson.mapper().valueToTree(withCiphertext(event, NO_BYTES));
      ObjectNode imageNode = (ObjectNode) tree.get("image");
      imageNode.remove("ciphertext");
      imageNode.put(CIPHERTEXT_BYTES, image.ciphertext().length);
      header = KtpJson.mapper().writeValueAsBytes(tree);
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
    int headerLength = ByteBuffer.wrap(value).getInt(MAGIC.length);
    int bodyStart = MAGIC.length + 4;
    if (headerLength < 1
        || headerLength > MAX_HEADER_BYTES
        || headerLength > value.length - bodyStart) {
      throw new IllegalArgumentException("SubmissionCreated header length out of range");
    }
    JsonNode header;
    try {
      header = KtpJson.mapper().readTree(value, bodyStart, headerLength);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "unreadable SubmissionCreated header: " + e.getClass().getSimpleName());
    }
    if (header == null || !header.isObject() || !header.path("image").isObject()) {
      throw new IllegalArgumentException("SubmissionCreated header without image");
    }
    ObjectNode imageNode = (ObjectNode) header.get("image");
    int imageStart = bodyStart + headerLength;
    int declared = imageNode.path(CIPHERTEXT_BYTES).asInt(-1);
    if (declared != value.length - imageStart) {
      throw new IllegalArgumentException(
          "SubmissionCreated image is "
              + (value.length - imageStart)
              + " bytes, its header says "
              + declared);
    }
    imageNode.remove(CIPHERTEXT_BYTES);
    imageNode.put("ciphertext", NO_BYTES);
    SubmissionCreated event;
    try {
      event = KtpJson.mapper().treeToValue(header, SubmissionCreated.class);
    } catch (IOException | IllegalArgumentException e) {
      // A missing field or an attempt below 1, refused by the event record itself.
      throw new IllegalArgumentException(
          "unreadable SubmissionCreated header: " + e.getClass().getSimpleName());
    }
    return withCiphertext(event, Arrays.copyOfRange(value, imageStart, value.length));
  }

  private static SubmissionCreated withCiphertext(SubmissionCreated event, byte[] ciphertext) {
    EncryptedPayload image = event.image();
    return new SubmissionCreated(
        event.eventId(),
        event.submissionId(),
        event.flowId(),
        event.partnerId(),
        event.correlationId(),
        event.attempt(),
        event.imageContentType(),
        new EncryptedPayload(image.alg(), image.keyId(), image.iv(), ciphertext),
        event.createdAt());
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
