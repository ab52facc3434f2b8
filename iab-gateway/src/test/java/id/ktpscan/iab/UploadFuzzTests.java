package id.ktpscan.iab;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.testing.TestImages;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Over two hundred generated bad uploads (seeded, so every run sends the same ones): each must get
 * a 4xx problem with a stable code, and the service must stay healthy and keep accepting good
 * photos.
 *
 * <p>Among them are decompression-bomb headers claiming up to 2^31 x 2^31 pixels in a few dozen
 * bytes; decoding one would need gigabytes, far beyond the test JVM's heap, so a healthy service
 * afterwards shows they were refused from the header alone.
 */
@QuarkusTest
class UploadFuzzTests {

  private static final long SEED = 20261126L;

  /** One hostile request: a name for the report and how to send it. */
  record Case(String name, Function<RequestSpecification, RequestSpecification> request) {}

  @Test
  void everyBadUploadGetsAProblemAndTheServiceStaysHealthy() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    String partnerToken = TokenGatewayProcess.newPartnerToken();
    IabApi.StartedFlow flow = null;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (i % 40 == 0) {
        // A fresh flow (and user token) now and then keeps the per-token rate limit out of the way.
        flow = IabApi.startFlow(partnerToken, 3);
      }
      Case c = cases.get(i);
      Response response =
          c.request()
              .apply(given().auth().oauth2(flow.userToken()))
              .post("/v1/ktp-scan/submissions");
      int status = response.statusCode();
      String contentType = String.valueOf(response.contentType());
      String code =
          contentType.startsWith("application/problem+json") ? response.path("code") : null;
      if (status < 400 || status > 499 || code == null || code.isBlank()) {
        failures.add(c.name() + " -> " + status + " " + contentType + " " + code);
      }
    }
    assertThat(failures).as("cases not answered with a 4xx problem").isEmpty();

    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    IabApi.StartedFlow good = IabApi.startFlow(partnerToken, 3);
    IabApi.submit(good.userToken(), TestImages.jpeg(1280, 800, 5), "card.jpg")
        .then()
        .statusCode(202);
  }

  static List<Case> cases() {
    Random random = new Random(SEED);
    byte[] jpeg = TestImages.jpeg(1024, 640, 1);
    byte[] png = TestImages.png(800, 500, 2);
    List<Case> cases = new ArrayList<>();

    for (int i = 0; i < 45; i++) {
      int cut = 1 + random.nextInt(jpeg.length - 3);
      cases.add(file("truncated jpeg at " + cut, Arrays.copyOf(jpeg, cut), "image/jpeg"));
    }
    for (int i = 0; i < 35; i++) {
      int cut = 1 + random.nextInt(png.length - 2);
      cases.add(file("truncated png at " + cut, Arrays.copyOf(png, cut), "image/png"));
    }
    cases.add(file("zero bytes", new byte[0], "image/jpeg"));
    cases.add(file("one byte", new byte[] {(byte) 0xFF}, "image/jpeg"));
    cases.add(
        file("jpeg magic only", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "image/jpeg"));
    for (int i = 0; i < 30; i++) {
      byte[] noise = new byte[16 + random.nextInt(20_000)];
      random.nextBytes(noise);
      noise[0] = (byte) 0xFF;
      noise[1] = (byte) 0xD8;
      noise[2] = (byte) 0xFF;
      cases.add(file("random bytes behind a jpeg header #" + i, noise, "image/jpeg"));
    }
    for (int i = 0; i < 30; i++) {
      byte[] noise = new byte[16 + random.nextInt(20_000)];
      random.nextBytes(noise);
      System.arraycopy(
          new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, noise, 0, 8);
      cases.add(file("random bytes behind a png signature #" + i, noise, "image/png"));
    }
    int[][] bombs = {
      {30000, 30000},
      {65535, 65535},
      {100000, 100000},
      {Integer.MAX_VALUE, Integer.MAX_VALUE},
      {1, 100_000_000},
      {12001, 800},
      {20000, 20000},
      {8000, 8000},
      {46341, 46341},
      {40000, 1000}
    };
    for (int[] bomb : bombs) {
      cases.add(
          file(
              "png bomb " + bomb[0] + "x" + bomb[1],
              UploadFuzz.pngHeaderOnly(bomb[0], bomb[1]),
              "image/png"));
      int w = Math.min(bomb[0], 65535);
      int h = Math.min(bomb[1], 65535);
      cases.add(file("jpeg bomb " + w + "x" + h, UploadFuzz.jpegHeaderOnly(w, h), "image/jpeg"));
    }
    int[][] tiny = {
      {1, 1}, {10, 10}, {100, 60}, {299, 480}, {479, 299}, {640, 200}, {200, 640}, {320, 240}
    };
    for (int[] size : tiny) {
      cases.add(
          file(
              "tiny jpeg " + size[0] + "x" + size[1],
              TestImages.jpeg(size[0], size[1], 3),
              "image/jpeg"));
    }
    cases.add(file("png with zero width", UploadFuzz.pngHeaderOnly(0, 500), "image/png"));
    cases.add(file("jpeg with zero height", UploadFuzz.jpegHeaderOnly(800, 0), "image/jpeg"));
    byte[] badCrc = UploadFuzz.pngHeaderOnly(800, 500);
    badCrc[29] ^= 0x01;
    cases.add(file("png with a bad IHDR crc", badCrc, "image/png"));
    byte[] noEoi = Arrays.copyOf(jpeg, jpeg.length);
    noEoi[noEoi.length - 1] = 0x00;
    cases.add(file("jpeg without end marker", noEoi, "image/jpeg"));
    cases.add(file("png without IEND", Arrays.copyOf(png, png.length - 12), "image/png"));

    String[][] signatures = {
      {"gif", "GIF89a"},
      {"bmp", "BM"},
      {"webp", "RIFF\0\0\0\0WEBPVP8 "},
      {"tiff", "II*\0"},
      {"pdf", "%PDF-1.7"},
      {"html", "<html><body>"},
      {"zip", "PK\u0003\u0004"},
      {"heic", "\0\0\0\u0018ftypheic"}
    };
    for (String[] signature : signatures) {
      byte[] body = Arrays.copyOf(signature[1].getBytes(StandardCharsets.ISO_8859_1), 4096);
      cases.add(file(signature[0] + " disguised as jpeg", body, "image/jpeg"));
    }

    cases.add(
        new Case(
            "no parts at all",
            r -> r.contentType("multipart/form-data; boundary=xyz").body(ascii("--xyz--\r\n"))));
    cases.add(
        new Case("file under another name", r -> r.multiPart("file", "a.jpg", jpeg, "image/jpeg")));
    cases.add(new Case("image as a text field", r -> r.multiPart("image", "not a file")));
    cases.add(
        new Case(
            "two image parts",
            r ->
                r.multiPart("image", "a.jpg", jpeg, "image/jpeg")
                    .multiPart("image", "b.jpg", jpeg, "image/jpeg")));
    cases.add(
        new Case(
            "three image parts",
            r ->
                r.multiPart("image", "a.jpg", jpeg, "image/jpeg")
                    .multiPart("image", "b.jpg", jpeg, "image/jpeg")
                    .multiPart("image", "c.png", png, "image/png")));
    cases.add(
        new Case(
            "multipart without boundary",
            r -> r.contentType("multipart/form-data").body(ascii("garbage"))));
    cases.add(
        new Case(
            "broken multipart body",
            r ->
                r.contentType("multipart/form-data; boundary=b")
                    .body(
                        ascii(
                            "--b\r\nContent-Disposition: form-data; name=\"image\";"
                                + " filename=\"a.jpg\"\r\n\r\nabc"))));
    cases.add(
        new Case(
            "json body", r -> r.contentType("application/json").body("{\"image\":\"base64...\"}")));
    cases.add(new Case("text body", r -> r.contentType("text/plain").body("hello")));
    cases.add(
        new Case(
            "form body",
            r -> r.contentType("application/x-www-form-urlencoded").body("image=abc")));
    cases.add(
        new Case(
            "raw gif body",
            r -> r.contentType("image/gif").body("GIF89a".getBytes(StandardCharsets.US_ASCII))));
    cases.add(new Case("raw empty jpeg body", r -> r.contentType("image/jpeg").body(new byte[0])));
    cases.add(
        new Case(
            "raw truncated jpeg body",
            r -> r.contentType("image/jpeg").body(Arrays.copyOf(jpeg, 500))));
    cases.add(
        new Case(
            "raw random octets",
            r -> r.contentType("application/octet-stream").body(randomBytes(random, 5000))));
    cases.add(
        new Case(
            "huge correlationId field",
            r ->
                r.multiPart("image", "a.jpg", jpeg, "image/jpeg")
                    .multiPart("correlationId", "c".repeat(200_000))));
    cases.add(
        new Case(
            "huge unknown text field",
            r ->
                r.multiPart("image", "a.jpg", jpeg, "image/jpeg")
                    .multiPart("comment", "x".repeat(500_000))));
    cases.add(
        new Case(
            "huge idempotency key",
            r ->
                r.header("Idempotency-Key", "k".repeat(4000))
                    .multiPart("image", "a.jpg", jpeg, "image/jpeg")));
    cases.add(
        new Case(
            "idempotency key with spaces",
            r ->
                r.header("Idempotency-Key", "a b")
                    .multiPart("image", "a.jpg", jpeg, "image/jpeg")));
    cases.add(
        new Case(
            "image over the size limit",
            r ->
                r.multiPart(
                    "image", "big.jpg", withJpegHeader(8 * 1024 * 1024 + 10), "image/jpeg")));
    cases.add(
        new Case(
            "body over the request limit",
            r -> r.contentType("image/jpeg").body(withJpegHeader(10 * 1024 * 1024))));
    return cases;
  }

  private static Case file(String name, byte[] bytes, String declaredType) {
    return new Case(name, r -> r.multiPart("image", "upload.bin", bytes, declaredType));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] randomBytes(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] withJpegHeader(int size) {
    byte[] bytes = new byte[size];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    return bytes;
  }
}
