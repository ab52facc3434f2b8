package id.ktpscan.ocr.synth;

import id.ktpscan.contracts.KtpField;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ground truth of one synthetic card: the 17 values exactly as the OCR must output them once
 * normalised, plus what the card prints that is not one of the 17 fields (issue city and date).
 *
 * <p>{@code printed} holds the few values a card prints differently from their canonical form
 * ({@code KATHOLIK} for {@code KATOLIK}); the benchmark expects the canonical one.
 *
 * @param fields the normalised value of every field
 * @param printed printed spellings that differ from {@code fields}
 * @param issueCity the city under the photo
 * @param issueDate the date under the photo
 * @param villageCode the dotted Kemendagri code of the address's Kel/Desa
 */
public record Identity(
    Map<KtpField, String> fields,
    Map<KtpField, String> printed,
    String issueCity,
    LocalDate issueDate,
    String villageCode) {

  public Identity {
    if (fields.size() != KtpField.values().length) {
      throw new IllegalArgumentException("an identity has all 17 fields, got " + fields.keySet());
    }
    fields = Collections.unmodifiableMap(new EnumMap<>(fields));
    printed = printed.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(printed));
  }

  /** The normalised value of a field. */
  public String get(KtpField field) {
    return fields.get(field);
  }

  /** The value as the card prints it (before date formatting). */
  public String printedValue(KtpField field) {
    return printed.getOrDefault(field, fields.get(field));
  }

  public LocalDate birthDate() {
    return LocalDate.parse(fields.get(KtpField.BIRTH_DATE));
  }

  public boolean female() {
    return "PEREMPUAN".equals(fields.get(KtpField.GENDER));
  }
}
