package id.ktpscan.token.rest;

import id.ktpscan.contracts.problem.RequestFields;
import id.ktpscan.token.Partner;
import id.ktpscan.token.service.PartnerService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** Partner administration: create, inspect, disable, rotate the passkey. */
@Path("/admin/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
public class AdminPartnerResource {

  /** Body of a create request. */
  public record CreatePartnerRequest(String name) {}

  /** Credentials shown once: the passkey is not stored and cannot be shown again. */
  public record CredentialsView(String partnerId, String clientId, String passkey) {
    @Override
    public String toString() {
      return "CredentialsView[partnerId=" + partnerId + "]";
    }
  }

  /** A partner without any secret. */
  public record PartnerView(
      String partnerId,
      String name,
      String clientId,
      Partner.Status status,
      Instant createdAt,
      Instant passkeyRotatedAt,
      Instant disabledAt) {
    static PartnerView of(Partner p) {
      return new PartnerView(
          p.id, p.name, p.clientId, p.status, p.createdAt, p.passkeyRotatedAt, p.disabledAt);
    }
  }

  private final PartnerService partners;

  public AdminPartnerResource(PartnerService partners) {
    this.partners = partners;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreatePartnerRequest request) {
    String name = RequestFields.requireText(request == null ? null : request.name(), "name", 200);
    PartnerService.IssuedCredentials issued = partners.create(name);
    return Response.status(Response.Status.CREATED)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(
            new CredentialsView(issued.partner().id, issued.partner().clientId, issued.passkey()))
        .build();
  }

  @GET
  @Path("/{partnerId}")
  public PartnerView get(@PathParam("partnerId") String partnerId) {
    return partners.find(partnerId).map(PartnerView::of).orElseThrow(PartnerService::notFound);
  }

  @POST
  @Path("/{partnerId}/disable")
  public PartnerView disable(@PathParam("partnerId") String partnerId) {
    return PartnerView.of(partners.disable(partnerId));
  }

  @POST
  @Path("/{partnerId}/passkey")
  public Response rotatePasskey(@PathParam("partnerId") String partnerId) {
    PartnerService.IssuedCredentials issued = partners.rotatePasskey(partnerId);
    return Response.ok(
            new CredentialsView(issued.partner().id, issued.partner().clientId, issued.passkey()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
