package it.de.buergerbuero.applications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Test-only: what the in-memory DMS holds, and switching it off and on (an outage). */
@Path("/test/dms")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DmsControlResource {
  @Inject InMemoryDms dms;

  @GET
  public Map<String, Integer> cases() {
    return Map.of("cases", dms.store().caseCount());
  }

  @PUT
  @Path("/available")
  public void available(String value) {
    dms.store().setAvailable(Boolean.parseBoolean(value.strip()));
  }
}
