package id.ktpscan.contracts.kafka;

import id.ktpscan.contracts.events.SubmissionCreated;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for {@code ktp.submissions.v1} (see {@link SubmissionCreatedCodec}). */
public class SubmissionCreatedSerializer implements Serializer<SubmissionCreated> {

  @Override
  public byte[] serialize(String topic, SubmissionCreated data) {
    return data == null ? null : SubmissionCreatedCodec.encode(data);
  }
}
