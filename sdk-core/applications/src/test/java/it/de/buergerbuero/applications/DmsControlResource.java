package it.de.buergerbuero.applications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** Test-only: switches the in-memory DMS off and on (an outage). */
@Path("/test/dms")
@RequestScoped
public class DmsControlResource {
  @Inject InMemoryDms dms;

  @PUT
  @Path("/available")
  public void available(String value) {
    dms.store().setAvailable(Boolean.parseBoolean(value.strip()));
  }
}
