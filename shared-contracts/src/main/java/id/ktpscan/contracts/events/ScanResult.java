package id.ktpscan.contracts.events;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import java.util.List;
import java.util.Map;

/**
 * What ocr-worker read from a card; travels encrypted inside {@link SubmissionProcessed}.
 *
 * @param fields every field of {@link KtpField}, unreadable ones with a null value
 * @param checks validation checks by name (for example {@code nikBirthDate}) and their result
 * @param qualityFlags photo problems noticed even though the card was read
 * @param confidence overall confidence in [0, 1]
 */
public record ScanResult(
    Map<KtpField, ExtractedField> fields,
    Map<String, CheckResult> checks,
    List<RetryReason> qualityFlags,
    double confidence) {

  public ScanResult {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    checks = checks == null ? Map.of() : Map.copyOf(checks);
    qualityFlags = qualityFlags == null ? List.of() : List.copyOf(qualityFlags);
  }
}
