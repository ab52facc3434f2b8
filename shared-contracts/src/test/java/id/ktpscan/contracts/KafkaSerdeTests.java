package id.ktpscan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ktpscan.contracts.events.SubmissionProcessed;
import id.ktpscan.contracts.kafka.JsonEventSerializer;
import id.ktpscan.contracts.kafka.SubmissionProcessedDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The Kafka serdes write and read events with the shared configuration. */
class KafkaSerdeTests {

  @Test
  void roundTrip() {
    SubmissionProcessed event =
        new SubmissionProcessed(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "prt_1",
            "corr-1",
            1,
            ScanOutcome.RETRY_REQUIRED,
            List.of(RetryReason.TOO_DARK),
            null,
            Map.of("decode", 3L),
            Instant.parse("2026-11-26T00:00:00Z"));
    byte[] bytes = new JsonEventSerializer<SubmissionProcessed>().serialize(Topics.RESULTS, event);
    assertThat(new SubmissionProcessedDeserializer().deserialize(Topics.RESULTS, bytes))
        .isEqualTo(event);
  }

  @Test
  void garbageFailsWithoutEchoingThePayload() {
    byte[] garbage = "{\"name\":\"SITI NURHALIZA\"".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> new SubmissionProcessedDeserializer().deserialize(Topics.RESULTS, garbage))
        .isInstanceOf(SerializationException.class)
        .message()
        .doesNotContain("SITI");
  }
}
