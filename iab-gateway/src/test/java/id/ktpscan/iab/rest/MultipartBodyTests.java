package id.ktpscan.iab.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ktpscan.contracts.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory multipart reader: framing, parameters, limits, and every malformation a 400. */
class MultipartBodyTests {

  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  @Test
  void slicesFileAndFieldParts() {
    byte[] image = {
      (byte) 0xFF, (byte) 0xD8, '\r', '\n', '-', '-', 'X', 0, (byte) 0xFF, (byte) 0xD9
    };
    byte[] body =
        body(
            "preamble is ignored\r\n--XyZ\r\n",
            "Content-Disposition: form-data; name=\"image\"; filename=\"card.jpg\"\r\n",
            "Content-Type: image/jpeg\r\n\r\n",
            image,
            "\r\n--XyZ\r\ncontent-disposition: FORM-DATA; name=correlationId\r\n\r\norder-1",
            "\r\n--XyZ--\r\nepilogue");
    List<MultipartBody.Part> parts = MultipartBody.parse(TYPE, body);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("image");
    assertThat(parts.get(0).file()).isTrue();
    assertThat(parts.get(0).content()).isEqualTo(image);
    assertThat(parts.get(1).file()).isFalse();
    assertThat(parts.get(1).text()).isEqualTo("order-1");
  }

  @Test
  void quotedBoundaryAndNoPreamble() {
    byte[] body = body("--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b--");
    assertThat(MultipartBody.parse("multipart/form-data; charset=utf-8; boundary=\"a b\"", body))
        .extracting(MultipartBody.Part::text)
        .containsExactly("1");
  }

  @Test
  void malformationsAreProblems() {
    assertMalformed(null, body("--XyZ--"));
    assertMalformed("multipart/form-data", body("--XyZ--"));
    assertMalformed(TYPE, body("no boundary at all"));
    assertMalformed(
        TYPE, body("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"));
    assertMalformed(
        TYPE, body("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nno blank line"));
    assertMalformed(TYPE, body("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"));
    assertMalformed(
        TYPE, body("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--"));
    assertMalformed(
        TYPE, body("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--"));
    assertMalformed(TYPE, body("--XyZgarbage"));
    assertMalformed(TYPE, body("--XyZ\r\n" + "H: " + "v".repeat(5000) + "\r\n\r\nx\r\n--XyZ--"));
  }

  @Test
  void tooManyPartsAndLargeFieldsAreRefused() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      many.append("--XyZ\r\nContent-Disposition: form-data; name=\"f")
          .append(i)
          .append("\"\r\n\r\nv\r\n");
    }
    many.append("--XyZ--");
    assertMalformed(TYPE, body(many.toString()));
    byte[] big =
        body(
            "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
                + "x".repeat(5000)
                + "\r\n--XyZ--");
    assertThatThrownBy(() -> MultipartBody.parse(TYPE, big))
        .isInstanceOf(ProblemException.class)
        .extracting(e -> ((ProblemException) e).problem().code())
        .isEqualTo("FIELD_TOO_LARGE");
    // A file part may be large; only the body size limit of the server bounds it.
    byte[] file =
        body(
            "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a\"\r\n\r\n"
                + "x".repeat(50_000)
                + "\r\n--XyZ--");
    assertThat(MultipartBody.parse(TYPE, file).get(0).content()).hasSize(50_000);
  }

  private static void assertMalformed(String contentType, byte[] body) {
    assertThatThrownBy(() -> MultipartBody.parse(contentType, body))
        .isInstanceOf(ProblemException.class)
        .extracting(e -> ((ProblemException) e).problem().code())
        .isEqualTo("MALFORMED_MULTIPART");
  }

  private static byte[] body(Object... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object piece : pieces) {
      out.writeBytes(
          piece instanceof byte[] bytes
              ? bytes
              : piece.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  @Test
  void skipSearchFindsWhatAPlainScanFinds() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 2000; round++) {
      // A small alphabet makes partial matches, repeats and overlaps common.
      int alphabet = 1 + random.nextInt(4);
      byte[] data = new byte[random.nextInt(200)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) ('a' + random.nextInt(alphabet));
      }
      byte[] pattern = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = (byte) ('a' + random.nextInt(alphabet));
      }
      int from = random.nextInt(data.length + 2) - 1;
      assertThat(new MultipartBody.ByteSearch(pattern).indexIn(data, from))
          .as("round %d", round)
          .isEqualTo(plainIndexOf(data, pattern, from));
    }
  }

  @Test
  void skipSearchAtTheEdgesAndWithHighBytes() {
    byte[] pattern = {'\r', '\n', '-', '-', (byte) 0xFF, (byte) 0x80};
    byte[] data = new byte[64];
    java.util.Arrays.fill(data, (byte) 0xFF);
    assertThat(new MultipartBody.ByteSearch(pattern).indexIn(data, 0)).isEqualTo(-1);
    System.arraycopy(pattern, 0, data, 58, 6);
    assertThat(new MultipartBody.ByteSearch(pattern).indexIn(data, 0)).isEqualTo(58);
    assertThat(new MultipartBody.ByteSearch(pattern).indexIn(data, 59)).isEqualTo(-1);
    System.arraycopy(pattern, 0, data, 0, 6);
    assertThat(new MultipartBody.ByteSearch(pattern).indexIn(data, 0)).isZero();
    assertThat(new MultipartBody.ByteSearch(pattern).indexIn(new byte[3], 0)).isEqualTo(-1);
  }

  private static int plainIndexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
