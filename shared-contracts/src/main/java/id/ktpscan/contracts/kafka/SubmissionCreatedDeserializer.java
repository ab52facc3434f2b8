package id.ktpscan.contracts.kafka;

import id.ktpscan.contracts.events.SubmissionCreated;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka deserializer for {@code ktp.submissions.v1} (see {@link SubmissionCreatedCodec}). */
public class SubmissionCreatedDeserializer implements Deserializer<SubmissionCreated> {

  @Override
  public SubmissionCreated deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return SubmissionCreatedCodec.decode(data);
    } catch (IllegalArgumentException e) {
      // The codec's messages never quote the value, which may hold personal data.
      throw new SerializationException(
          "not a valid SubmissionCreated on " + topic + ": " + e.getMessage());
    }
  }
}
