package id.ktpscan.contracts.kafka;

import id.ktpscan.contracts.events.SubmissionCreated;

/** Kafka deserializer for {@code ktp.submissions.v1}. */
public class SubmissionCreatedDeserializer extends JsonEventDeserializer<SubmissionCreated> {

  public SubmissionCreatedDeserializer() {
    super(SubmissionCreated.class);
  }
}
