package id.ktpscan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ktpscan.contracts.events.EncryptedPayload;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.kafka.SubmissionCreatedCodec;
import id.ktpscan.contracts.kafka.SubmissionCreatedDeserializer;
import id.ktpscan.contracts.kafka.SubmissionCreatedSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The framed value of {@code ktp.submissions.v1}: header JSON, then the ciphertext as bytes. */
class SubmissionCreatedCodecTests {

  private static SubmissionCreated event(int imageBytes) {
    byte[] ciphertext = new byte[imageBytes];
    new Random(7).nextBytes(ciphertext);
    byte[] iv = new byte[12];
    Arrays.fill(iv, (byte) 3);
    return new SubmissionCreated(
        UUID.fromString("0b5e1f4e-1111-4c1d-9a55-000000000001"),
        UUID.fromString("0b5e1f4e-2222-4c1d-9a55-000000000002"),
        UUID.fromString("0b5e1f4e-3333-4c1d-9a55-000000000003"),
        "prt_1",
        "corr-SITI-NURHALIZA",
        2,
        "image/jpeg",
        new EncryptedPayload(EncryptedPayload.A256GCM, "k1", iv, ciphertext),
        Instant.parse("2026-11-27T01:02:03Z"));
  }

  @Test
  void roundTripKeepsEveryField() {
    SubmissionCreated sent = event(300_000);
    byte[] value = SubmissionCreatedCodec.encode(sent);
    assertThat(SubmissionCreatedCodec.decode(value)).isEqualTo(sent);
    assertThat(sent.createdAt()).isEqualTo(SubmissionCreatedCodec.decode(value).createdAt());
  }

  @Test
  void theImageTravelsAsRawBytesNotBase64() throws Exception {
    SubmissionCreated sent = event(300_000);
    byte[] framed = SubmissionCreatedCodec.encode(sent);
    byte[] json = KtpJson.mapper().writeValueAsBytes(sent);
    assertThat(framed.length).isLessThan(300_000 + 1_000);
    assertThat(json.length).isGreaterThan(400_000);
    // The ciphertext is the tail of the value, byte for byte.
    assertThat(Arrays.copyOfRange(framed, framed.length - 300_000, framed.length))
        .isEqualTo(sent.image().ciphertext());
  }

  @Test
  void thePlainJsonOfOlderProducersIsStillRead() throws Exception {
    SubmissionCreated sent = event(1_000);
    byte[] json = KtpJson.mapper().writeValueAsBytes(sent);
    assertThat(SubmissionCreatedCodec.decode(json)).isEqualTo(sent);
  }

  @Test
  void kafkaSerdesUseTheFramedForm() {
    SubmissionCreated sent = event(5_000);
    byte[] value = new SubmissionCreatedSerializer().serialize(Topics.SUBMISSIONS, sent);
    assertThat(Arrays.copyOf(value, 4)).isEqualTo("KSC1".getBytes(StandardCharsets.US_ASCII));
    assertThat(new SubmissionCreatedDeserializer().deserialize(Topics.SUBMISSIONS, value))
        .isEqualTo(sent);
    assertThat(new SubmissionCreatedSerializer().serialize(Topics.SUBMISSIONS, null)).isNull();
    assertThat(new SubmissionCreatedDeserializer().deserialize(Topics.SUBMISSIONS, null)).isNull();
  }

  @Test
  void aTruncatedValueIsRefused() {
    byte[] value = SubmissionCreatedCodec.encode(event(5_000));
    for (int cut : new int[] {1, 16, 4_999, 5_000, value.length - 6}) {
      byte[] truncated = Arrays.copyOf(value, value.length - cut);
      assertThatThrownBy(() -> SubmissionCreatedCodec.decode(truncated))
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] longer = Arrays.copyOf(value, value.length + 1);
    assertThatThrownBy(() -> SubmissionCreatedCodec.decode(longer))
        .hasMessageContaining("header says 5000");
  }

  @Test
  void malformedFramesAreRefusedWithoutQuotingTheValue() {
    byte[] good = SubmissionCreatedCodec.encode(event(100));
    byte[][] bad = {
      new byte[0],
      "KSC".getBytes(StandardCharsets.US_ASCII),
      "XYZ1\0\0\0\1{".getBytes(StandardCharsets.US_ASCII),
      withHeaderLength(good, 0),
      withHeaderLength(good, -1),
      withHeaderLength(good, Integer.MAX_VALUE),
      withHeaderLength(good, 70_000),
      frame("not json at all, SITI NURHALIZA", new byte[0]),
      frame("{\"eventId\":\"0b5e1f4e-1111-4c1d-9a55-000000000001\"}", new byte[0]),
      frame("[1,2,3]", new byte[0]),
      "{\"correlationId\":\"SITI NURHALIZA\"".getBytes(StandardCharsets.UTF_8),
    };
    for (byte[] value : bad) {
      assertThatThrownBy(() -> SubmissionCreatedCodec.decode(value))
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain("SITI");
      assertThatThrownBy(
              () -> new SubmissionCreatedDeserializer().deserialize(Topics.SUBMISSIONS, value))
          .isInstanceOf(SerializationException.class)
          .message()
          .doesNotContain("SITI");
    }
  }

  @Test
  void aHeaderWithoutImageOrWithABadAttemptIsRefused() throws Exception {
    String noImage =
        "{\"eventId\":\"0b5e1f4e-1111-4c1d-9a55-000000000001\","
            + "\"submissionId\":\"0b5e1f4e-2222-4c1d-9a55-000000000002\","
            + "\"flowId\":\"0b5e1f4e-3333-4c1d-9a55-000000000003\",\"partnerId\":\"p\","
            + "\"correlationId\":\"c\",\"attempt\":1,\"imageContentType\":\"image/jpeg\","
            + "\"createdAt\":\"2026-11-27T01:02:03Z\"}";
    assertThatThrownBy(() -> SubmissionCreatedCodec.decode(frame(noImage, new byte[0])))
        .hasMessageContaining("without image");
    String attemptZero =
        noImage
            .replace("\"attempt\":1", "\"attempt\":0")
            .replace(
                "\"createdAt\"",
                "\"image\":{\"alg\":\"A256GCM\",\"keyId\":\"k1\",\"iv\":\"AAAAAAAAAAAAAAAA\","
                    + "\"ciphertextBytes\":2},\"createdAt\"");
    assertThatThrownBy(() -> SubmissionCreatedCodec.decode(frame(attemptZero, new byte[2])))
        .isInstanceOf(IllegalArgumentException.class);
    String attemptOne = attemptZero.replace("\"attempt\":0", "\"attempt\":1");
    assertThat(SubmissionCreatedCodec.decode(frame(attemptOne, new byte[2])).image().ciphertext())
        .hasSize(2);
  }

  private static byte[] withHeaderLength(byte[] value, int length) {
    byte[] copy = value.clone();
    ByteBuffer.wrap(copy).putInt(4, length);
    return copy;
  }

  private static byte[] frame(String header, byte[] tail) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + h.length + tail.length)
        .put("KSC1".getBytes(StandardCharsets.US_ASCII))
        .putInt(h.length)
        .put(h)
        .put(tail)
        .array();
  }
}
