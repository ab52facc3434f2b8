package id.ktpscan.contracts.kafka;

import id.ktpscan.contracts.json.KtpJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads UTF-8 JSON into one event type; subclasses fix the type so Kafka can instantiate them. */
public class JsonEventDeserializer<T> implements Deserializer<T> {

  private final Class<T> type;

  protected JsonEventDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return KtpJson.mapper().readValue(data, type);
    } catch (IOException | RuntimeException e) {
      // The message is deliberately generic: the payload may hold personal data.
      throw new SerializationException(
          "not a valid " + type.getSimpleName() + " on " + topic + ": " + e.getClass().getName());
    }
  }
}
