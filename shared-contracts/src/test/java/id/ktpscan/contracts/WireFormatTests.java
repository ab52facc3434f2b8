package id.ktpscan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ktpscan.contracts.events.ExtractedField;
import id.ktpscan.contracts.events.ScanResult;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.json.KtpJson;
import id.ktpscan.contracts.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the wire format: every example document reads into its record and writes back unchanged. */
class WireFormatTests {

  private final ObjectMapper mapper = KtpJson.mapper();

  @ParameterizedTest
  @CsvSource({
    "submission-created.json, id.ktpscan.contracts.events.SubmissionCreated",
    "submission-processed-extracted.json, id.ktpscan.contracts.events.SubmissionProcessed",
    "submission-processed-retry.json, id.ktpscan.contracts.events.SubmissionProcessed",
    "scan-result.json, id.ktpscan.contracts.events.ScanResult",
    "problem.json, id.ktpscan.contracts.problem.Problem"
  })
  void exampleRoundTripsUnchanged(String file, String type) throws Exception {
    JsonNode expected = read(file);
    Object value = mapper.treeToValue(expected, Class.forName(type));
    JsonNode written = mapper.readTree(mapper.writeValueAsBytes(value));
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void submissionCreatedReadsEveryField() throws Exception {
    SubmissionCreated event =
        mapper.treeToValue(read("submission-created.json"), SubmissionCreated.class);
    assertThat(event.submissionId())
        .isEqualTo(UUID.fromString("6f1d2a34-8a3e-4b0b-9d7e-2c9b0f4d5e11"));
    assertThat(event.attempt()).isEqualTo(2);
    assertThat(event.image().keyId()).isEqualTo("k1");
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-11-26T04:30:00.123Z"));
  }

  @Test
  void instantsAreWrittenAsIsoStrings() throws Exception {
    JsonNode node =
        mapper.valueToTree(
            mapper.treeToValue(read("submission-created.json"), SubmissionCreated.class));
    assertThat(node.get("createdAt").isTextual()).isTrue();
  }

  @Test
  void scanResultKeysFieldsByWireName() throws Exception {
    ScanResult result = mapper.treeToValue(read("scan-result.json"), ScanResult.class);
    assertThat(result.fields()).hasSize(KtpField.values().length);
    assertThat(result.fields().get(KtpField.BIRTH_DATE).value()).isEqualTo("1995-07-01");
    assertThat(result.fields().get(KtpField.VALID_UNTIL).value()).isNull();
    assertThat(result.checks()).containsEntry("nikGender", CheckResult.PASS);
  }

  @Test
  void unknownPropertiesAreIgnoredSoProducersCanAddFields() throws Exception {
    JsonNode node = read("submission-processed-retry.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("addedLater", "x");
    SubmissionProcessed event = mapper.treeToValue(node, SubmissionProcessed.class);
    assertThat(event.reasons()).containsExactly(RetryReason.GLARE, RetryReason.BLURRY);
  }

  @Test
  void unknownEnumValueIsRejected() throws Exception {
    JsonNode node = read("submission-processed-retry.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("outcome", "MAYBE");
    assertThatThrownBy(() -> mapper.treeToValue(node, SubmissionProcessed.class))
        .isInstanceOf(IOException.class);
  }

  @Test
  void missingRequiredIdIsRejected() throws Exception {
    JsonNode node = read("submission-created.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("submissionId");
    assertThatThrownBy(() -> mapper.treeToValue(node, SubmissionCreated.class))
        .hasRootCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void extractedNeedsAResultAndRetryNeedsAReason() throws Exception {
    JsonNode extracted = read("submission-processed-extracted.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode) extracted).remove("result");
    assertThatThrownBy(() -> mapper.treeToValue(extracted, SubmissionProcessed.class))
        .hasRootCauseMessage("EXTRACTED needs a result");

    JsonNode retry = read("submission-processed-retry.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode) retry).putArray("reasons");
    assertThatThrownBy(() -> mapper.treeToValue(retry, SubmissionProcessed.class))
        .hasRootCauseMessage("RETRY_REQUIRED needs at least one reason");
  }

  @Test
  void problemTypeDerivesFromCode() {
    Problem problem = Problem.of(429, "RATE_LIMITED", "Too many requests", "Slow down.");
    assertThat(problem.type()).isEqualTo("urn:ktp-scan:problem:RATE_LIMITED");
  }

  @Test
  void problemExtensionsAreWrittenBesideTheStandardMembers() throws Exception {
    Problem problem =
        Problem.of(409, "ATTEMPTS_EXHAUSTED", "Conflict", "No attempts left.")
            .with("nextAction", NextAction.EXIT);
    JsonNode node = mapper.valueToTree(problem);
    assertThat(node.get("nextAction").asText()).isEqualTo("EXIT");
    assertThat(node.get("code").asText()).isEqualTo("ATTEMPTS_EXHAUSTED");
    assertThat(node.has("extensions")).isFalse();
  }

  @Test
  void extractedFieldNeverPrintsItsValue() {
    assertThat(new ExtractedField("3204054107950004", 0.9).toString()).doesNotContain("3204");
  }

  @Test
  void confidenceOutsideUnitIntervalIsRejected() {
    assertThatThrownBy(() -> new ExtractedField("X", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private JsonNode read(String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/examples/" + file)) {
      assertThat(in).as(file).isNotNull();
      return mapper.readTree(in);
    }
  }
}
