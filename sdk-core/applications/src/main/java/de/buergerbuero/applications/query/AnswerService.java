package de.buergerbuero.applications.query;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.intake.ApplicationViews.ApplicationView;
import de.buergerbuero.applications.intake.Upload;
import de.buergerbuero.applications.internal.AnswerEntity;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.AttachmentContents;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.ConflictException;
import de.buergerbuero.kernel.error.InvalidInputException;
import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.outbox.Outbox;
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

/**
 * The applicant answers a query (Rückfrage): text and further documents. The application goes back
 * to the clerk (IN_PROGRESS); answer, documents, status change, outbox entry (filing into the same
 * Vorgang, {@link AnswerFilingHandler}) and audit entry commit together.
 */
@ApplicationScoped
public class AnswerService {
  public static final int MAX_TEXT = 4000;

  @PersistenceContext EntityManager em;
  @Inject ApplicationService applications;
  @Inject ServiceCatalogue catalogue;
  @Inject AttachmentContents contents;
  @Inject AuditLog audit;
  @Inject Outbox outbox;
  @Inject Transactions tx;
  @Inject Clock clock;

  public ApplicationView answer(
      Caller.ApplicantCaller caller, String id, String text, List<Upload> uploads) {
    String answer = text == null ? null : text.strip();
    if ((answer == null || answer.isEmpty()) && uploads.isEmpty()) {
      throw InvalidInputException.field(
          "text", "Bitte schreiben Sie eine Antwort oder fügen Sie Unterlagen bei.");
    }
    if (answer != null && answer.length() > MAX_TEXT) {
      throw InvalidInputException.field(
          "text", "Die Antwort ist länger als " + MAX_TEXT + " Zeichen.");
    }
    return tx.required(
        () -> {
          ApplicationEntity entity = applications.requireOwn(caller, id);
          // a double submit waits here and then finds the query answered (BB-2018)
          em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
          Application current = entity.toApplication();
          if (current.status() != ApplicationStatus.NEEDS_INFO) {
            throw new ConflictException(
                ApplicationsError.NO_OPEN_QUERY, "Zu diesem Antrag ist keine Rückfrage offen.");
          }
          applications.requireAcceptedTypes(catalogue.require(current.serviceId()), uploads);
          Instant now = clock.instant();
          int number =
              em.createQuery(
                          "SELECT COUNT(w) FROM AnswerEntity w WHERE w.applicationId = :id",
                          Long.class)
                      .setParameter("id", id)
                      .getSingleResult()
                      .intValue()
                  + 1;
          AnswerEntity saved =
              new AnswerEntity(id, number, answer == null || answer.isEmpty() ? null : answer, now);
          em.persist(saved);
          Integer last =
              em.createQuery(
                      "SELECT MAX(t.position) FROM AttachmentEntity t WHERE t.applicationId = :id",
                      Integer.class)
                  .setParameter("id", id)
                  .getSingleResult();
          int position = last == null ? 0 : last;
          for (Upload u : uploads) {
            contents.insert(
                new AttachmentEntity(
                    id, saved.id(), ++position, u.fileName(), u.mediaType(), u.size(), u.sha256()),
                u);
          }
          Application changed =
              current.transitionTo(ApplicationStatus.IN_PROGRESS, Actor.APPLICANT, now);
          entity.answerDue(null);
          applications.recordTransition(
              entity,
              changed,
              Actor.APPLICANT,
              "Antwort auf die Rückfrage eingereicht. / Answer to the query submitted.",
              caller.auditId());
          outbox.enqueue(AnswerFilingHandler.TYPE, "dms-file-answer:" + saved.id(), saved.id());
          audit.append(
              caller.auditId(),
              "QUERY_ANSWERED",
              ApplicationService.AUDIT_OBJECT,
              id,
              "answer " + number + ", " + uploads.size() + " documents");
          return applications.view(entity);
        });
  }
}
