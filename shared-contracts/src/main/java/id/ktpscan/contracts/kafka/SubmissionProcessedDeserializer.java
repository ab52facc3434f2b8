package id.ktpscan.contracts.kafka;

import id.ktpscan.contracts.events.SubmissionProcessed;

/** Kafka deserializer for {@code ktp.results.v1}. */
public class SubmissionProcessedDeserializer extends JsonEventDeserializer<SubmissionProcessed> {

  public SubmissionProcessedDeserializer() {
    super(SubmissionProcessed.class);
  }
}
