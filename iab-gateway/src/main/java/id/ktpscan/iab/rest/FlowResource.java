package id.ktpscan.iab.rest;

import id.ktpscan.contracts.api.TokenResponse;
import id.ktpscan.contracts.auth.VerifiedToken;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.contracts.quarkus.RedisRateLimiter;
import id.ktpscan.contracts.quarkus.auth.AuthenticatedCaller;
import id.ktpscan.contracts.quarkus.auth.PartnerAuthenticated;
import id.ktpscan.iab.Flow;
import id.ktpscan.iab.client.TokenGatewayClient;
import id.ktpscan.iab.config.IabConfig;
import id.ktpscan.iab.service.FlowService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/** Partners start scan flows here and get the user token their front end hands to the SDK. */
@Path("/v1/flows")
@Produces(MediaType.APPLICATION_JSON)
@PartnerAuthenticated
public class FlowResource {

  static final Pattern USER_ID_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  /** The body of a flow request. */
  public record CreateFlowRequest(
      String partnerUserId,
      String partnerUserIdType,
      String flowType,
      String correlationId,
      Integer maxAttempts) {
    @Override
    public String toString() {
      return "CreateFlowRequest[correlationId=" + correlationId + "]";
    }
  }

  /** The answer: the flow and a user token bound to it. */
  public record FlowCreated(
      UUID flowId,
      String correlationId,
      String userToken,
      long expiresIn,
      int maxAttempts,
      int attemptsLeft) {
    @Override
    public String toString() {
      return "FlowCreated[flowId=" + flowId + "]";
    }
  }

  private final FlowService flows;
  private final TokenGatewayClient tokens;
  private final AuthenticatedCaller caller;
  private final RedisRateLimiter limiter;
  private final IabConfig config;

  public FlowResource(
      FlowService flows,
      TokenGatewayClient tokens,
      AuthenticatedCaller caller,
      RedisRateLimiter limiter,
      IabConfig config) {
    this.flows = flows;
    this.tokens = tokens;
    this.caller = caller;
    this.limiter = limiter;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(CreateFlowRequest request) {
    VerifiedToken partner = caller.token();
    limiter.hit(
        "partner:" + partner.partnerId(),
        config.limits().partnerRequestsPerMinute(),
        Duration.ofMinutes(1));
    FlowService.NewFlow flow = validate(request);
    FlowService.FlowStart start = flows.start(partner.partnerId(), flow);
    Flow started = start.flow();
    TokenResponse token =
        tokens.mintUserToken(partner.partnerId(), started.id.toString(), started.correlationId);
    return Response.status(start.created() ? Response.Status.CREATED : Response.Status.OK)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(
            new FlowCreated(
                started.id,
                started.correlationId,
                token.accessToken(),
                token.expiresIn(),
                started.maxAttempts,
                started.attemptsLeft()))
        .build();
  }

  private FlowService.NewFlow validate(CreateFlowRequest request) {
    if (request == null) {
      throw RequestFields.invalid("partnerUserId", "is required");
    }
    String userId = RequestFields.requireText(request.partnerUserId(), "partnerUserId", 128);
    String userIdType =
        RequestFields.requireMatch(
            request.partnerUserIdType(),
            "partnerUserIdType",
            USER_ID_TYPE,
            "must be an upper-case code such as PHONE, EMAIL or INTERNAL_ID");
    String flowType = RequestFields.requireText(request.flowType(), "flowType", 32);
    if (!"KTP_SCAN".equals(flowType)) {
      throw RequestFields.invalid("flowType", "must be KTP_SCAN");
    }
    String correlationId =
        RequestFields.requireMatch(
            request.correlationId(),
            "correlationId",
            RequestFields.CORRELATION_ID,
            "must be 1 to 128 letters, digits or . _ : -");
    int limit = config.flows().maxAttemptsLimit();
    int maxAttempts =
        request.maxAttempts() == null ? config.flows().defaultMaxAttempts() : request.maxAttempts();
    if (maxAttempts < 1 || maxAttempts > limit) {
      throw RequestFields.invalid("maxAttempts", "must be between 1 and " + limit);
    }
    return new FlowService.NewFlow(userId, userIdType, correlationId, maxAttempts);
  }
}
