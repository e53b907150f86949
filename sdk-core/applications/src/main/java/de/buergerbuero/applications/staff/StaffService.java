package de.buergerbuero.applications.staff;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.intake.ApplicationViews.AuditTrailEntry;
import de.buergerbuero.applications.intake.ApplicationViews.InboxItem;
import de.buergerbuero.applications.intake.ApplicationViews.StaffApplicationView;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.audit.AuditSealer;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The clerk's side: an inbox per department, reading an application (audited), changing its status
 * (audited, visible to the applicant). Clerks see only their departments' applications; anything
 * else is "not found". Administrators see all.
 */
@ApplicationScoped
public class StaffService {
  @PersistenceContext EntityManager em;
  @Inject ApplicationService applications;
  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;
  @Inject AuditSealer sealer;
  @Inject Clock clock;
  @Inject Transactions tx;

  /** Filters of the inbox; null means "any". */
  public record InboxFilter(
      ApplicationStatus status, String serviceId, Integer olderThanDays, int limit) {}

  public List<InboxItem> inbox(Caller.StaffCaller staff, InboxFilter filter) {
    return tx.required(() -> inboxInTx(staff, filter));
  }

  private List<InboxItem> inboxInTx(Caller.StaffCaller staff, InboxFilter filter) {
    StringBuilder jpql = new StringBuilder("SELECT a FROM ApplicationEntity a WHERE 1 = 1");
    if (!staff.admin()) {
      jpql.append(" AND a.department IN :departments");
    }
    if (filter.status() != null) {
      jpql.append(" AND a.status = :status");
    }
    if (filter.serviceId() != null) {
      jpql.append(" AND a.serviceId = :serviceId");
    }
    if (filter.olderThanDays() != null) {
      jpql.append(" AND a.submittedAt <= :before");
    }
    jpql.append(" ORDER BY a.submittedAt");
    TypedQuery<ApplicationEntity> q = em.createQuery(jpql.toString(), ApplicationEntity.class);
    if (!staff.admin()) {
      if (staff.departments().isEmpty()) {
        return List.of();
      }
      q.setParameter("departments", staff.departments());
    }
    if (filter.status() != null) {
      q.setParameter("status", filter.status());
    }
    if (filter.serviceId() != null) {
      q.setParameter("serviceId", filter.serviceId());
    }
    if (filter.olderThanDays() != null) {
      q.setParameter("before", clock.instant().minus(Duration.ofDays(filter.olderThanDays())));
    }
    return q.setMaxResults(filter.limit()).getResultStream().map(this::inboxItem).toList();
  }

  public StaffApplicationView read(Caller.StaffCaller staff, String id) {
    return tx.required(() -> readInTx(staff, id));
  }

  private StaffApplicationView readInTx(Caller.StaffCaller staff, String id) {
    ApplicationEntity entity = requireVisible(staff, id);
    audit.append(staff.auditId(), "APPLICATION_READ", ApplicationService.AUDIT_OBJECT, id, null);
    return staffView(entity);
  }

  public StaffApplicationView transition(
      Caller.StaffCaller staff, String id, ApplicationStatus to, String note) {
    return tx.required(() -> transitionInTx(staff, id, to, note));
  }

  private StaffApplicationView transitionInTx(
      Caller.StaffCaller staff, String id, ApplicationStatus to, String note) {
    if (to == null) {
      throw InvalidInputException.field("to", "Der Zielstatus fehlt.");
    }
    if (note != null && note.length() > 2000) {
      throw InvalidInputException.field("note", "Die Notiz ist länger als 2000 Zeichen.");
    }
    ApplicationEntity entity = requireVisible(staff, id);
    Application changed = entity.toApplication().transitionTo(to, Actor.STAFF, clock.instant());
    applications.recordTransition(entity, changed, Actor.STAFF, note, staff.auditId());
    return staffView(entity);
  }

  public List<AuditTrailEntry> auditTrail(Caller.StaffCaller staff, String id) {
    sealer.sealAll();
    return tx.required(() -> auditTrailInTx(staff, id));
  }

  private List<AuditTrailEntry> auditTrailInTx(Caller.StaffCaller staff, String id) {
    requireVisible(staff, id);
    return audit.entriesFor(ApplicationService.AUDIT_OBJECT, id).stream()
        .map(r -> new AuditTrailEntry(r.seq(), r.occurredAt(), r.actor(), r.action(), r.detail()))
        .toList();
  }

  /** An attachment's bytes for a clerk; audited as a read of personal data. */
  public AttachmentEntity attachment(Caller.StaffCaller staff, String id, String attachmentId) {
    return tx.required(() -> attachmentInTx(staff, id, attachmentId));
  }

  private AttachmentEntity attachmentInTx(
      Caller.StaffCaller staff, String id, String attachmentId) {
    requireVisible(staff, id);
    AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
    if (a == null || !a.applicationId().equals(id)) {
      throw new NoSuchResourceException(
          ApplicationsError.ATTACHMENT_NOT_FOUND, "Diesen Anhang gibt es nicht.");
    }
    audit.append(
        staff.auditId(), "ATTACHMENT_READ", ApplicationService.AUDIT_OBJECT, id, attachmentId);
    return a;
  }

  private ApplicationEntity requireVisible(Caller.StaffCaller staff, String id) {
    ApplicationEntity entity = applications.find(id);
    if (entity == null || !(staff.admin() || staff.worksIn(entity.department()))) {
      throw ApplicationService.notFound();
    }
    return entity;
  }

  private InboxItem inboxItem(ApplicationEntity e) {
    Application a = e.toApplication();
    return new InboxItem(
        a.id().toString(),
        a.reference(),
        a.serviceId(),
        catalogue.catalogue().find(a.serviceId()).map(s -> s.name().de()).orElse(a.serviceId()),
        a.department(),
        a.status().name(),
        a.applicant().displayName(),
        a.applicant().kind().name(),
        a.submittedAt(),
        a.updatedAt());
  }

  private StaffApplicationView staffView(ApplicationEntity e) {
    Application a = e.toApplication();
    return new StaffApplicationView(
        applications.view(e),
        a.department(),
        a.applicant().displayName(),
        a.applicant().kind().name(),
        e.trustLevel().eidasLevel(),
        a.applicant().postboxHandle() != null,
        Json.createReader(new StringReader(e.formData())).readValue(),
        e.dmsCaseId(),
        a.status().staffTransitions().stream().map(Enum::name).sorted().toList());
  }
}
