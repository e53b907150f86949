package it.de.buergerbuero.applications;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.spi.delivery.DeliveryState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/**
 * Test-only: what the in-memory channels "delivered" (e-mail notices: address, subject, text;
 * documents: their names and SHA-256), and switches to make a channel fail or report.
 */
@Path("/test")
@RequestScoped
public class NoticesResource {
  @Inject InMemoryChannels channels;

  @GET
  @Path("/notices")
  @Produces("application/json")
  public String notices() {
    return delivered("email");
  }

  @GET
  @Path("/deliveries/{kind}")
  @Produces("application/json")
  public String delivered(@PathParam("kind") String kind) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    var channel = channels.channel(kind);
    if (channel != null) {
      for (var d : channel.delivered()) {
        JsonArrayBuilder docs = Json.createArrayBuilder();
        for (int i = 0; i < d.documents().size(); i++) {
          docs.add(
              Json.createObjectBuilder()
                  .add("fileName", d.delivery().documents().get(i).fileName())
                  .add("sha256", Hashes.sha256Hex(d.documents().get(i))));
        }
        all.add(
            Json.createObjectBuilder()
                .add("deliveryId", d.deliveryId())
                .add("address", d.address())
                .add("reference", d.delivery().reference())
                .add("subject", d.delivery().subject())
                .add("text", d.delivery().text())
                .add("recipientName", d.delivery().recipient().displayName())
                .add("documents", docs));
      }
    }
    return all.build().toString();
  }

  @POST
  @Path("/deliveries/{kind}/available")
  public void available(@PathParam("kind") String kind, @QueryParam("on") boolean on) {
    channels.channel(kind).setAvailable(on);
  }

  @POST
  @Path("/deliveries/{kind}/report")
  public void report(
      @PathParam("kind") String kind,
      @QueryParam("id") String deliveryId,
      @QueryParam("state") DeliveryState state,
      @QueryParam("reason") String reason) {
    channels.channel(kind).report(deliveryId, state, reason);
  }
}
