package id.ktpscan.contracts.problem;

import java.util.regex.Pattern;

/**
 * Validation of request fields, failing with 400 {@code INVALID_REQUEST} problems naming the field.
 */
public final class RequestFields {

  /** The correlation-id alphabet of the whole suite. */
  public static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private RequestFields() {}

  /** The stripped value of a required text field of at most {@code maxLength} characters. */
  public static String requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "is required");
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw invalid(field, "is longer than " + maxLength + " characters");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw invalid(field, "contains control characters");
    }
    return stripped;
  }

  /** A required field that must match {@code pattern}; {@code rule} says what it accepts. */
  public static String requireMatch(String value, String field, Pattern pattern, String rule) {
    String text = requireText(value, field, 1024);
    if (!pattern.matcher(text).matches()) {
      throw invalid(field, rule);
    }
    return text;
  }

  public static ProblemException invalid(String field, String what) {
    return new ProblemException(
        400, "INVALID_REQUEST", "Invalid request", "Field '" + field + "' " + what + ".");
  }
}
