package id.ktpscan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status → next-action table the capture SDK relies on. */
class NextActionTests {

  @ParameterizedTest(name = "{0} with {1} attempts left -> {2}")
  @CsvSource({
    "PROCESSING, 2, STATUS",
    "PROCESSING, 0, STATUS",
    "RETRY_REQUIRED, 2, RETRY",
    "RETRY_REQUIRED, 1, RETRY",
    "RETRY_REQUIRED, 0, EXIT",
    "COMPLETED, 2, EXIT",
    "COMPLETED, 0, EXIT",
    "FAILED, 2, EXIT"
  })
  void table(SubmissionStatus status, int attemptsLeft, NextAction expected) {
    assertThat(NextAction.of(status, attemptsLeft)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"EXTRACTED, COMPLETED", "RETRY_REQUIRED, RETRY_REQUIRED", "FAILED, FAILED"})
  void outcomeLeadsToStatus(ScanOutcome outcome, SubmissionStatus status) {
    assertThat(outcome.toStatus()).isEqualTo(status);
    assertThat(status.isFinal()).isTrue();
  }
}
