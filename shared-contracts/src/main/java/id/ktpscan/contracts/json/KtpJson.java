package id.ktpscan.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of the suite: REST bodies and Kafka events are written alike. */
public final class KtpJson {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private KtpJson() {}

  /**
   * Applies the suite's settings to a mapper: ISO-8601 instants, nulls left out, and tolerant
   * reading (unknown properties ignored so that a producer can add fields before its consumers know
   * them).
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  /**
   * A shared, configured mapper for code outside a Quarkus container (Kafka serdes, CLIs, tests).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
