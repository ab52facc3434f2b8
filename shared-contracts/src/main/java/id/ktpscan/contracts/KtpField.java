package id.ktpscan.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 17 fields read from an e-KTP, with their wire names. */
public enum KtpField {
  NIK("nik"),
  NAME("name"),
  BIRTH_PLACE("birthPlace"),
  BIRTH_DATE("birthDate"),
  GENDER("gender"),
  BLOOD_TYPE("bloodType"),
  ADDRESS("address"),
  RT_RW("rtRw"),
  VILLAGE("village"),
  DISTRICT("district"),
  CITY("city"),
  PROVINCE("province"),
  RELIGION("religion"),
  MARITAL_STATUS("maritalStatus"),
  OCCUPATION("occupation"),
  NATIONALITY("nationality"),
  VALID_UNTIL("validUntil");

  private static final Map<String, KtpField> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(KtpField::wireName, Function.identity()));

  private final String wireName;

  KtpField(String wireName) {
    this.wireName = wireName;
  }

  /** The JSON name, e.g. {@code birthDate}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name; unknown names are an error, not a silent null. */
  @JsonCreator
  public static KtpField fromWireName(String wireName) {
    KtpField field = BY_WIRE_NAME.get(wireName);
    if (field == null) {
      throw new IllegalArgumentException("unknown KTP field: " + wireName);
    }
    return field;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
