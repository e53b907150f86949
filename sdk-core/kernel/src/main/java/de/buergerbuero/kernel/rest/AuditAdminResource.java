package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.audit.AuditAnchor;
import de.buergerbuero.kernel.audit.AuditAnchors;
import de.buergerbuero.kernel.audit.AuditChain;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.audit.AuditSealer;
import de.buergerbuero.kernel.security.CallerResolver;
import de.buergerbuero.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration: verify that the audit log is complete and unchanged. */
@Path("/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(
    name = "Administration",
    description = "Betrieb: Zustellungen, Formulareingang, Prüfprotokoll / operations",
    extensions = @Extension(name = "x-displayName", value = "Administration"))
public class AuditAdminResource {
  @Inject AuditLog audit;
  @Inject AuditSealer sealer;
  @Inject AuditAnchors anchors;
  @Inject CallerResolver callers;

  @GET
  @Path("/verification")
  @Operation(
      operationId = "verifyAuditChain",
      extensions = @Extension(name = "x-access", value = "admin"),
      summary = "Hash-Kette des Prüfprotokolls prüfen (mit den exportierten Ankern)")
  public AuditChain.Verification verify() {
    Callers.requireAdmin(callers.current());
    sealer.sealAll();
    var chain = audit.verifyChain();
    var anchored = anchors.verify();
    var problem = anchored.problem();
    return chain.withAnchors(
        anchored.anchorsChecked(),
        problem.map(AuditAnchor.Problem::seq).orElse(null),
        problem.map(AuditAnchor.Problem::reason).orElse(null));
  }
}
