package it.de.buergerbuero.applications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Test-only: the e-mail notices the in-memory channel "sent" (address, subject, text). */
@Path("/test/notices")
@RequestScoped
public class NoticesResource {
  @Inject InMemoryEmail email;

  @GET
  @Produces("application/json")
  public String notices() {
    JsonArrayBuilder all = Json.createArrayBuilder();
    if (email.channel() != null) {
      for (var d : email.channel().delivered()) {
        all.add(
            Json.createObjectBuilder()
                .add("address", d.address())
                .add("reference", d.delivery().reference())
                .add("subject", d.delivery().subject())
                .add("text", d.delivery().text())
                .add("recipientName", d.delivery().recipient().displayName()));
      }
    }
    return all.build().toString();
  }
}
