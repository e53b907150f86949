package de.buergerbuero.applications.delivery;

import de.buergerbuero.applications.forms.FormServerResource;
import de.buergerbuero.kernel.connect.DeliveryChannels;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.error.NotAuthenticatedException;
import de.buergerbuero.kernel.spi.delivery.DeliveryCallbacks;
import de.buergerbuero.kernel.spi.delivery.DeliveryException;
import de.buergerbuero.kernel.spi.delivery.DeliveryReceipt;
import de.buergerbuero.kernel.spi.guard.ReplayGuard;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Status callbacks of delivery channels (a letter printed, handed over, returned): live only for a
 * channel the deployment uses that takes callbacks ({@link DeliveryCallbacks}), 404 otherwise. The
 * connector checks the signature; the SDK refuses a callback seen before (database, every instance)
 * and records the reports. An inauthentic or replayed callback gets 401 and changes nothing; bodies
 * are never logged.
 */
@Path("/v1/delivery/{channel}")
@RequestScoped
@Tag(
    name = "Delivery",
    description = "Rückmeldungen der Zustellkanäle / status callbacks of delivery channels",
    extensions = @Extension(name = "x-displayName", value = "Zustellung"))
public class DeliveryCallbackResource {
  private static final Logger LOG = Logger.getLogger(DeliveryCallbackResource.class.getName());

  @Inject DeliveryChannels channels;
  @Inject DeliveryRecords records;
  @Inject ReplayGuard replays;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "buergerbuero.delivery.max-callback-bytes", defaultValue = "65536")
  long maxCallbackBytes;

  @POST
  @Path("callbacks")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "reportDeliveryStatus",
      extensions = @Extension(name = "x-access", value = "delivery-callback"),
      summary = "Delivery channel callback: what became of a letter (signature checked)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/vnd.api+json",
              schema = @Schema(description = "the channel's own callback format")))
  @APIResponse(responseCode = "200", description = "Authentic: recorded")
  public Response callback(
      @PathParam("channel") String channel, @Context HttpHeaders headers, InputStream body) {
    if (!(channels.channel(channel).orElse(null) instanceof DeliveryCallbacks callbacks)) {
      throw new NoSuchResourceException("Dieser Zustellkanal meldet nichts zurück: " + channel);
    }
    byte[] bytes =
        FormServerResource.read(body, maxCallbackBytes, "buergerbuero.delivery.max-callback-bytes");
    DeliveryCallbacks.Check check = callbacks.check(headers::getHeaderString, bytes);
    if (!check.isAuthentic()) {
      LOG.warning(() -> "Callback of delivery channel " + channel + " refused: " + check.refusal());
      throw new NotAuthenticatedException("Rückmeldung nicht authentisch: " + check.refusal());
    }
    // apply first: a report only moves a delivery forward, so applying one again changes nothing;
    // a report for a delivery this deployment has not recorded yet (the callback overtook the
    // outbox's commit) is answered 503, so that the peer sends it again, and its id is not used up
    for (DeliveryReceipt report : check.reports()) {
      if (!records.knows(report.deliveryId())) {
        throw DeliveryException.unavailable(
            "Zustellung noch nicht erfasst: später erneut senden", null);
      }
    }
    for (DeliveryReceipt report : check.reports()) {
      records.reported(report);
    }
    Instant now = clock.instant();
    String scope = ("delivery-" + channel).substring(0, Math.min(32, 9 + channel.length()));
    if (!replays.firstUse(scope, check.callbackId(), now.plus(callbacks.callbackWindow()), now)) {
      LOG.warning(() -> "Callback of delivery channel " + channel + " refused: REPLAYED");
      throw new NotAuthenticatedException("Rückmeldung nicht authentisch: REPLAYED");
    }
    return Response.ok().build();
  }
}
