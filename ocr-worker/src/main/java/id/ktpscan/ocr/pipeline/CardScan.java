package id.ktpscan.ocr.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.events.ExtractedField;
import id.ktpscan.contracts.events.ScanResult;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline concluded about one photo: the document {@code ./ktp scan} prints and the
 * worker encrypts into {@code SubmissionProcessed}.
 *
 * @param outcome EXTRACTED, or RETRY_REQUIRED with reasons
 * @param reasons why a retake is needed; empty when extracted
 * @param fields all 17 fields; unreadable ones carry a null value (empty when nothing was read)
 * @param confidence the lowest confidence of the key fields (NIK, name, birth date), 0 when absent
 * @param checks validation checks by name
 * @param qualityFlags photo problems noticed on a card that could still be read
 * @param timingsMs milliseconds per stage
 */
@JsonPropertyOrder({
  "outcome",
  "reasons",
  "fields",
  "confidence",
  "checks",
  "qualityFlags",
  "timingsMs"
})
public record CardScan(
    ScanOutcome outcome,
    List<RetryReason> reasons,
    Map<KtpField, ExtractedField> fields,
    double confidence,
    Map<String, CheckResult> checks,
    List<RetryReason> qualityFlags,
    Map<String, Long> timingsMs) {

  public CardScan {
    reasons = List.copyOf(reasons);
    fields = fields == null ? Map.of() : fields;
    checks = checks == null ? Map.of() : checks;
    qualityFlags = List.copyOf(qualityFlags);
  }

  public String value(KtpField field) {
    ExtractedField f = fields.get(field);
    return f == null ? null : f.value();
  }

  /** The part that travels (encrypted) to the gateway. */
  public ScanResult toResult() {
    return new ScanResult(fields, checks, qualityFlags, confidence);
  }

  @Override
  public String toString() {
    return "CardScan[outcome="
        + outcome
        + ", reasons="
        + reasons
        + ", timingsMs="
        + timingsMs
        + "]";
  }
}
