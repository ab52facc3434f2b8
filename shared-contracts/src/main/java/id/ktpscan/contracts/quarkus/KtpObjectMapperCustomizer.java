package id.ktpscan.contracts.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ktpscan.contracts.json.KtpJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Gives each service's REST layer the same Jackson settings as its Kafka events. */
@Singleton
public class KtpObjectMapperCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    KtpJson.configure(mapper);
  }
}
