package id.ktpscan.token.rest;

import id.ktpscan.contracts.problem.ProblemException;

/** Validation of request fields, answering 400 problems that name the field. */
final class Requests {

  private Requests() {}

  /** The trimmed value of a required text field no longer than {@code maxLength}. */
  static String requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw invalid(field, "is longer than " + maxLength + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw invalid(field, "contains control characters");
    }
    return trimmed;
  }

  static ProblemException invalid(String field, String what) {
    return new ProblemException(
        400, "INVALID_REQUEST", "Invalid request", "Field '" + field + "' " + what + ".");
  }
}
