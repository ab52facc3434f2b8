package id.ktpscan.iab.service;

import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.iab.Flow;
import id.ktpscan.iab.config.Ciphers;
import id.ktpscan.iab.repository.FlowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Starts flows; a correlation id belongs to one partner user for good. */
@ApplicationScoped
public class FlowService {

  private static final Logger LOG = Logger.getLogger(FlowService.class);

  /** What a partner asks for when it starts a flow, already validated. */
  public record NewFlow(
      String partnerUserId, String partnerUserIdType, String correlationId, int maxAttempts) {
    @Override
    public String toString() {
      return "NewFlow[correlationId=" + correlationId + "]";
    }
  }

  /** A flow and whether this call created it. */
  public record FlowStart(Flow flow, boolean created) {}

  private final FlowRepository flows;
  private final PersonalData personalData;
  private final Clock clock;

  public FlowService(FlowRepository flows, Ciphers ciphers, Clock clock) {
    this.flows = flows;
    this.personalData = new PersonalData(ciphers.data());
    this.clock = clock;
  }

  /**
   * Creates the flow, or returns the existing one when the same partner user asks again with the
   * same correlation id (a retried request).
   *
   * @throws ProblemException 409 {@code CORRELATION_ID_CONFLICT} when the correlation id belongs to
   *     another user, 409 {@code FLOW_CLOSED} when the existing flow is over
   */
  @Transactional
  public FlowStart start(String partnerId, NewFlow request) {
    var existing = flows.findByCorrelation(partnerId, request.correlationId());
    if (existing.isPresent()) {
      Flow flow = existing.get();
      String storedUser = personalData.decryptText(flow.partnerUserEncrypted, flow.id);
      if (!storedUser.equals(request.partnerUserId())
          || !flow.partnerUserIdType.equals(request.partnerUserIdType())) {
        throw new ProblemException(
            409,
            "CORRELATION_ID_CONFLICT",
            "Conflict",
            "This correlationId is already used for another user.");
      }
      if (flow.status != Flow.Status.OPEN) {
        throw new ProblemException(
            409,
            "FLOW_CLOSED",
            "Conflict",
            "The flow of this correlationId is over; start a new flow with a new correlationId.");
      }
      return new FlowStart(flow, false);
    }
    Instant now = clock.instant();
    Flow flow = new Flow();
    flow.id = UUID.randomUUID();
    flow.partnerId = partnerId;
    flow.correlationId = request.correlationId();
    flow.partnerUserEncrypted = personalData.encryptText(request.partnerUserId(), flow.id);
    flow.partnerUserIdType = request.partnerUserIdType();
    flow.flowType = "KTP_SCAN";
    flow.maxAttempts = request.maxAttempts();
    flow.attemptsUsed = 0;
    flow.status = Flow.Status.OPEN;
    flow.createdAt = now;
    flow.updatedAt = now;
    flows.persist(flow);
    LOG.infof("started flow %s for partner %s", flow.id, partnerId);
    return new FlowStart(flow, true);
  }
}
