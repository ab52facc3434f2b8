package id.ktpscan.ocr.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the OCR models are loaded: a worker without them cannot read a card. */
@Readiness
@ApplicationScoped
public class ModelsHealth implements HealthCheck {

  private final PipelineHolder holder;

  public ModelsHealth(PipelineHolder holder) {
    this.holder = holder;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("ocr-models").status(holder.ready());
    if (holder.failure() != null) {
      response.withData("error", holder.failure().getClass().getSimpleName());
    } else if (!holder.ready()) {
      response.withData("state", "loading");
    }
    return response.build();
  }
}
