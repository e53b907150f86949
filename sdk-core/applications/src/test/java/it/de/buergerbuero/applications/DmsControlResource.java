package it.de.buergerbuero.applications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** Test-only: switches the in-memory DMS off and on (an outage). */
@Path("/test/dms")
@RequestScoped
public class DmsControlResource {
  @Inject InMemoryDms dms;

  /** Every document of a case: id, file name and size, one per line, tab-separated. */
  @GET
  @Path("/cases/{caseId}")
  @Produces("text/plain")
  public String documents(@PathParam("caseId") String caseId) {
    StringBuilder sb = new StringBuilder();
    for (var d : dms.store().documentsOf(caseId)) {
      sb.append(d.documentId()).append('\t').append(d.fileName()).append('\t').append(d.size());
      sb.append('\n');
    }
    return sb.toString();
  }

  @GET
  @Path("/documents")
  @Produces("application/octet-stream")
  public byte[] document(@QueryParam("id") String id) throws java.io.IOException {
    try (var in = dms.store().openDocument(id)) {
      return in.readAllBytes();
    }
  }

  @PUT
  @Path("/available")
  public void available(String value) {
    dms.store().setAvailable(Boolean.parseBoolean(value.strip()));
  }
}
