package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.events.ExtractedField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An extracted scan lacking all of the card's last rows, or both its header lines, hints at a card
 * cut at the bottom or the top.
 */
class LastRowsTests {

  private static CardScan scan(ScanOutcome outcome, KtpField... read) {
    Map<KtpField, ExtractedField> fields = new EnumMap<>(KtpField.class);
    for (KtpField field : KtpField.values()) {
      boolean isRead = List.of(read).contains(field);
      fields.put(field, new ExtractedField(isRead ? "X" : null, isRead ? 0.99 : 0.0));
    }
    return new CardScan(outcome, List.of(), fields, 0.99, Map.of(), List.of(), Map.of());
  }

  @Test
  void noLastRowReadOnAnExtractedScanCounts() {
    assertThat(CardReader.lastRowsUnread(scan(ScanOutcome.EXTRACTED, KtpField.NIK, KtpField.NAME)))
        .isTrue();
  }

  @Test
  void anyLastRowReadIsEnough() {
    for (KtpField field : CardReader.LAST_ROWS) {
      assertThat(CardReader.lastRowsUnread(scan(ScanOutcome.EXTRACTED, KtpField.NIK, field)))
          .as("%s read", field)
          .isFalse();
    }
  }

  @Test
  void noHeaderLineReadOnAnExtractedScanCountsAndEitherIsEnough() {
    assertThat(CardReader.headerUnread(scan(ScanOutcome.EXTRACTED, KtpField.NIK, KtpField.NAME)))
        .isTrue();
    for (KtpField field : CardReader.HEADER_ROWS) {
      assertThat(CardReader.headerUnread(scan(ScanOutcome.EXTRACTED, KtpField.NIK, field)))
          .as("%s read", field)
          .isFalse();
    }
    assertThat(CardReader.headerUnread(scan(ScanOutcome.RETRY_REQUIRED, KtpField.NIK))).isFalse();
  }

  @Test
  void onlyExtractedScansCount() {
    assertThat(CardReader.lastRowsUnread(scan(ScanOutcome.RETRY_REQUIRED, KtpField.NIK))).isFalse();
  }

  @Test
  void aFieldMissingFromTheMapIsUnread() {
    CardScan scan =
        new CardScan(
            ScanOutcome.EXTRACTED,
            List.of(),
            Map.of(KtpField.NIK, new ExtractedField("3201010101900001", 0.99)),
            0.99,
            Map.of(),
            List.of(),
            Map.of());
    assertThat(CardReader.lastRowsUnread(scan)).isTrue();
  }
}
