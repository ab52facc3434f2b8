package id.ktpscan.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ktpscan.contracts.json.KtpJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any event record as UTF-8 JSON with the suite's Jackson configuration. */
public class JsonEventSerializer<T> implements Serializer<T> {

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return KtpJson.mapper().writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write " + data.getClass().getSimpleName(), e);
    }
  }
}
