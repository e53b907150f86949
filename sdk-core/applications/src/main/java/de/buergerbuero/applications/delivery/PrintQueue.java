package de.buergerbuero.applications.delivery;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.DeliveryEntity;
import de.buergerbuero.applications.staff.StaffService;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.ConflictException;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The staff's print queue: Bescheide whose delivery failed for good (a returned or undeliverable
 * letter, a problem at the print service) or that no channel could take. A clerk of the
 * application's department prints the Bescheid and posts it by hand, then marks it posted
 * (audited).
 */
@ApplicationScoped
public class PrintQueue {
  @PersistenceContext EntityManager em;
  @Inject Transactions tx;
  @Inject StaffService staff;
  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A letter waiting to be printed and posted by hand. */
  @Schema(
      name = "PrintJob",
      description =
          "A Bescheid in the print queue: its delivery failed (returned letter, print service) or no channel could take it.")
  public record PrintJob(
      @Schema(description = "id of the delivery; mark it posted with it") String id,
      String applicationId,
      String reference,
      String serviceName,
      @Schema(description = "the channel that failed; none: no channel could take it")
          String channel,
      String reason,
      Instant since) {}

  /** The open print jobs of the clerk's departments (all for admins), oldest first. */
  public List<PrintJob> open(Caller.StaffCaller clerk) {
    if (!clerk.admin() && clerk.departments().isEmpty()) {
      return List.of();
    }
    return tx.required(
        () -> {
          String jpql =
              "SELECT d, a FROM DeliveryEntity d, ApplicationEntity a"
                  + " WHERE a.id = d.applicationId AND d.state = 'FAILED'"
                  + (clerk.admin() ? "" : " AND a.department IN :departments")
                  + " ORDER BY d.updatedAt";
          var query = em.createQuery(jpql, Object[].class).setMaxResults(500);
          if (!clerk.admin()) {
            query.setParameter("departments", clerk.departments());
          }
          return query
              .getResultStream()
              .map(
                  r -> {
                    DeliveryEntity d = (DeliveryEntity) r[0];
                    var a = ((ApplicationEntity) r[1]).toApplication();
                    return new PrintJob(
                        d.id(),
                        d.applicationId(),
                        a.reference(),
                        serviceName(a.serviceId()),
                        d.channel(),
                        d.reason(),
                        d.updatedAt());
                  })
              .toList();
        });
  }

  /** The clerk printed the Bescheid and posted it by hand. */
  public PrintJob posted(Caller.StaffCaller clerk, String deliveryId) {
    return tx.required(
        () -> {
          DeliveryEntity d =
              em.find(DeliveryEntity.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
          if (d == null) {
            throw ApplicationService.notFound();
          }
          ApplicationEntity entity = staff.requireVisible(clerk, d.applicationId());
          if (d.state() != DeliveryEntity.State.FAILED) {
            throw new ConflictException(
                ApplicationsError.PRINT_JOB_NOT_OPEN,
                "Dieser Brief ist nicht (mehr) in der Druckwarteschlange.");
          }
          d.postedByHand(clerk.auditId(), clock.instant());
          audit.append(
              clerk.auditId(),
              "BESCHEID_POSTED_BY_HAND",
              ApplicationService.AUDIT_OBJECT,
              d.applicationId(),
              d.channel());
          var a = entity.toApplication();
          return new PrintJob(
              d.id(),
              d.applicationId(),
              a.reference(),
              serviceName(a.serviceId()),
              d.channel(),
              d.reason(),
              d.updatedAt());
        });
  }

  private String serviceName(String serviceId) {
    return catalogue.catalogue().find(serviceId).map(s -> s.name().de()).orElse(serviceId);
  }
}
