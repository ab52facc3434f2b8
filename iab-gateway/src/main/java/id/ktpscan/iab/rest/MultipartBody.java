package id.ktpscan.iab.rest;

import id.ktpscan.contracts.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict, in-memory reader of {@code multipart/form-data} bodies (RFC 7578) for photo uploads.
 *
 * <p>The framework's parser spools every file part to a temporary file and back; an upload here is
 * at most a few megabytes and is needed in memory anyway, so the parts are sliced out of the body
 * directly. Every malformation is a 400 problem; limits on the number and size of the parts keep a
 * hostile body from costing more than its own bytes.
 */
public final class MultipartBody {

  static final int MAX_PARTS = 8;
  static final int MAX_HEADER_BYTES = 4096;
  static final int MAX_FIELD_BYTES = 4096;

  private static final Pattern BOUNDARY =
      Pattern.compile("(?i)(?:^|;)\\s*boundary=(?:\"([^\"]{1,70})\"|([^;\\s\"]{1,70}))");
  private static final Pattern NAME =
      Pattern.compile("(?i)(?:^|;)\\s*name=(?:\"([^\"]*)\"|([^;\\s]*))");
  private static final Pattern FILENAME =
      Pattern.compile("(?i)(?:^|;)\\s*filename=(?:\"([^\"]*)\"|([^;\\s]*))");

  private static final ByteSearch HEADERS_END = new ByteSearch(new byte[] {'\r', '\n', '\r', '\n'});

  /** One part: its form name, whether it came as a file, and its bytes. */
  public record Part(String name, boolean file, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private MultipartBody() {}

  /**
   * Splits a body into its parts.
   *
   * @param contentType the request's Content-Type header, which names the boundary
   * @throws ProblemException 400 {@code MALFORMED_MULTIPART} or {@code FIELD_TOO_LARGE}
   */
  public static List<Part> parse(String contentType, byte[] body) {
    byte[] boundary = boundary(contentType);
    byte[] delimiter = concat(new byte[] {'\r', '\n', '-', '-'}, boundary);
    // The delimiter is looked for in megabytes of image bytes: a skip table pays for itself.
    ByteSearch delimiterSearch = new ByteSearch(delimiter);
    // The first delimiter may come without the leading CRLF.
    int position;
    if (startsWith(body, 0, delimiter, 2)) {
      position = delimiter.length - 2;
    } else {
      int found = delimiterSearch.indexIn(body, 0);
      if (found < 0) {
        throw malformed("no boundary found in the body");
      }
      position = found + delimiter.length;
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, position, new byte[] {'-', '-'}, 0)) {
        return parts; // closing delimiter; an epilogue after it is ignored
      }
      if (!startsWith(body, position, new byte[] {'\r', '\n'}, 0)) {
        throw malformed("a boundary is not followed by a line break");
      }
      int headersStart = position + 2;
      int headersEnd = HEADERS_END.indexIn(body, headersStart);
      if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) {
        throw malformed("part headers are missing or too long");
      }
      int contentStart = headersEnd + 4;
      int contentEnd = delimiterSearch.indexIn(body, contentStart);
      if (contentEnd < 0) {
        throw malformed("the body ends inside a part");
      }
      if (parts.size() == MAX_PARTS) {
        throw malformed("too many parts");
      }
      parts.add(
          part(
              new String(
                  body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1),
              body,
              contentStart,
              contentEnd));
      position = contentEnd + delimiter.length;
    }
  }

  private static Part part(String headers, byte[] body, int start, int end) {
    String disposition = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon)
              .trim()
              .toLowerCase(Locale.ROOT)
              .equals("content-disposition")) {
        disposition = line.substring(colon + 1).trim();
      }
    }
    if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      throw malformed("a part has no form-data Content-Disposition");
    }
    String params = disposition.substring("form-data".length());
    String name = parameter(NAME, params);
    if (name == null || name.isEmpty()) {
      throw malformed("a part has no name");
    }
    boolean file = parameter(FILENAME, params) != null;
    if (!file && end - start > MAX_FIELD_BYTES) {
      throw new ProblemException(
          400,
          "FIELD_TOO_LARGE",
          "Invalid request",
          "Form field '" + safeName(name) + "' is larger than " + MAX_FIELD_BYTES + " bytes.");
    }
    byte[] content = new byte[end - start];
    System.arraycopy(body, start, content, 0, content.length);
    return new Part(name, file, content);
  }

  private static byte[] boundary(String contentType) {
    if (contentType == null) {
      throw malformed("the Content-Type has no boundary");
    }
    int semicolon = contentType.indexOf(';');
    Matcher matcher = BOUNDARY.matcher(semicolon < 0 ? "" : contentType.substring(semicolon));
    if (!matcher.find()) {
      throw malformed("the Content-Type has no boundary");
    }
    String value = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    return value.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String parameter(Pattern pattern, String params) {
    Matcher matcher = pattern.matcher(params);
    if (!matcher.find()) {
      return null;
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }

  private static String safeName(String name) {
    return name.length() > 40 || !name.matches("[A-Za-z0-9_.\\-]*") ? "?" : name;
  }

  /**
   * A byte string to look for, with the Boyer–Moore–Horspool skip table: where the byte under the
   * pattern's last position does not occur in the pattern, the search moves on by the whole pattern
   * length, so a 40-byte delimiter is found in an image after reading a small share of its bytes.
   */
  static final class ByteSearch {
    private final byte[] pattern;
    private final int[] skip = new int[256];

    ByteSearch(byte[] pattern) {
      if (pattern.length == 0) {
        throw new IllegalArgumentException("empty pattern");
      }
      this.pattern = pattern.clone();
      java.util.Arrays.fill(skip, pattern.length);
      for (int i = 0; i < pattern.length - 1; i++) {
        skip[pattern[i] & 0xFF] = pattern.length - 1 - i;
      }
    }

    /** The first position at or after {@code from} where the pattern starts, or -1. */
    int indexIn(byte[] data, int from) {
      int m = pattern.length;
      int last = m - 1;
      int i = Math.max(0, from);
      while (i <= data.length - m) {
        byte tail = data[i + last];
        if (tail == pattern[last] && startsWith(data, i, pattern, 0)) {
          return i;
        }
        i += skip[tail & 0xFF];
      }
      return -1;
    }
  }

  private static boolean startsWith(byte[] data, int offset, byte[] pattern, int patternFrom) {
    int length = pattern.length - patternFrom;
    if (offset < 0 || offset + length > data.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (data[offset + i] != pattern[patternFrom + i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static ProblemException malformed(String detail) {
    return new ProblemException(
        400,
        "MALFORMED_MULTIPART",
        "Malformed multipart body",
        "The multipart body is malformed: " + detail + ".");
  }
}
