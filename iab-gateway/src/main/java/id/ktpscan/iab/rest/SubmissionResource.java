package id.ktpscan.iab.rest;

import id.ktpscan.contracts.auth.VerifiedToken;
import id.ktpscan.contracts.problem.ProblemException;
import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.contracts.quarkus.RedisRateLimiter;
import id.ktpscan.contracts.quarkus.auth.AuthenticatedCaller;
import id.ktpscan.contracts.quarkus.auth.PartnerAuthenticated;
import id.ktpscan.contracts.quarkus.auth.UserAuthenticated;
import id.ktpscan.iab.config.IabConfig;
import id.ktpscan.iab.imaging.ImageInfo;
import id.ktpscan.iab.imaging.ImageInspector;
import id.ktpscan.iab.imaging.ImageRejectedException;
import id.ktpscan.iab.service.SubmissionQueries;
import id.ktpscan.iab.service.SubmissionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Photo submissions and status polls (user token), and submission details (partner token).
 *
 * <p>An upload is checked from its bytes before anything is stored: size, type sniffed from the
 * signature, pixel count and minimum size from the header, truncation, attempts left.
 */
@Path("/v1/ktp-scan/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final Pattern IDEMPOTENCY_KEY_PATTERN = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private final SubmissionService submissions;
  private final SubmissionQueries queries;
  private final ImageInspector inspector;
  private final AuthenticatedCaller caller;
  private final RedisRateLimiter limiter;
  private final IabConfig config;

  public SubmissionResource(
      SubmissionService submissions,
      SubmissionQueries queries,
      ImageInspector inspector,
      AuthenticatedCaller caller,
      RedisRateLimiter limiter,
      IabConfig config) {
    this.submissions = submissions;
    this.queries = queries;
    this.inspector = inspector;
    this.caller = caller;
    this.limiter = limiter;
    this.config = config;
  }

  /**
   * A photo as the {@code image} part of a multipart form, with an optional {@code correlationId}
   * field; other fields are ignored.
   */
  @POST
  @UserAuthenticated
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response submitMultipart(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    VerifiedToken user = admitUser(null, idempotencyKey);
    List<MultipartBody.Part> images = new ArrayList<>(1);
    String correlationId = null;
    for (MultipartBody.Part part : MultipartBody.parse(contentType, body)) {
      if (part.name().equals("image")) {
        images.add(part);
      } else if (part.name().equals("correlationId")) {
        correlationId = part.text();
      }
    }
    checkCorrelation(user, correlationId);
    if (images.isEmpty()) {
      throw RequestFields.invalid("image", "is required (a multipart part named 'image')");
    }
    if (images.size() > 1) {
      throw new ProblemException(
          400, "MULTIPLE_IMAGES", "Invalid request", "Send exactly one part named 'image'.");
    }
    return accept(user, images.get(0).content(), idempotencyKey);
  }

  /** A photo as the raw request body. */
  @POST
  @UserAuthenticated
  @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
  public Response submitRaw(byte[] image, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    VerifiedToken user = admitUser(null, idempotencyKey);
    return accept(user, image, idempotencyKey);
  }

  @GET
  @Path("/{correlationId}/status")
  @UserAuthenticated
  public SubmissionQueries.StatusView status(@PathParam("correlationId") String correlationId) {
    VerifiedToken user = admitUser(correlationId, null);
    return queries.status(user.partnerId(), UUID.fromString(user.flowId()));
  }

  @GET
  @Path("/{correlationId}")
  @PartnerAuthenticated
  public Response details(@PathParam("correlationId") String correlationId) {
    VerifiedToken partner = caller.token();
    limiter.hit(
        "partner:" + partner.partnerId(),
        config.limits().partnerRequestsPerMinute(),
        Duration.ofMinutes(1));
    return Response.ok(queries.details(partner.partnerId(), correlationId))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private VerifiedToken admitUser(String correlationId, String idempotencyKey) {
    VerifiedToken user = caller.token();
    limiter.hit(
        "user:" + user.jti(), config.limits().userRequestsPerMinute(), Duration.ofMinutes(1));
    checkCorrelation(user, correlationId);
    if (idempotencyKey != null && !IDEMPOTENCY_KEY_PATTERN.matcher(idempotencyKey).matches()) {
      throw new ProblemException(
          400,
          "INVALID_IDEMPOTENCY_KEY",
          "Invalid request",
          "Idempotency-Key must be 1 to 128 letters, digits or . _ : -");
    }
    return user;
  }

  private static void checkCorrelation(VerifiedToken user, String correlationId) {
    if (correlationId != null && !correlationId.equals(user.correlationId())) {
      throw new ProblemException(
          403,
          "CORRELATION_ID_MISMATCH",
          "Forbidden",
          "The correlationId is not the one this user token was issued for.");
    }
  }

  private Response accept(VerifiedToken user, byte[] image, String idempotencyKey) {
    ImageInfo info;
    try {
      info = inspector.inspect(image);
    } catch (ImageRejectedException e) {
      throw rejected(e);
    }
    SubmissionService.Outcome outcome = submissions.accept(user, info, image, idempotencyKey);
    Response.ResponseBuilder response =
        Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.body());
    if (outcome.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  private static ProblemException rejected(ImageRejectedException e) {
    return new ProblemException(
        e.rejection().status(), e.rejection().code(), "Image rejected", e.rejection().detail());
  }
}
