package de.buergerbuero.applications.intake;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.applications.casework.CaseworkService;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.delivery.DeliveryRecords;
import de.buergerbuero.applications.delivery.StatusMessages;
import de.buergerbuero.applications.filing.DmsFilingHandler;
import de.buergerbuero.applications.intake.ApplicationViews.AnswerView;
import de.buergerbuero.applications.intake.ApplicationViews.ApplicationView;
import de.buergerbuero.applications.intake.ApplicationViews.AttachmentView;
import de.buergerbuero.applications.intake.ApplicationViews.DecisionView;
import de.buergerbuero.applications.intake.ApplicationViews.DeliveryView;
import de.buergerbuero.applications.intake.ApplicationViews.StatusChangeView;
import de.buergerbuero.applications.internal.AnswerEntity;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.applications.internal.StatusChangeEntity;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.AccessDeniedException;
import de.buergerbuero.kernel.error.ConflictException;
import de.buergerbuero.kernel.error.IllegalTransitionException;
import de.buergerbuero.kernel.error.NoSuchResourceException;
import de.buergerbuero.kernel.error.TrustLevelTooLowException;
import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.model.ServiceOffering;
import de.buergerbuero.kernel.outbox.Outbox;
import de.buergerbuero.kernel.persistence.Sequences;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Intake and tracking of applications for applicants. A submission stores the application, its
 * first status, its attachments, the DMS filing order (outbox) and the audit entry in one
 * transaction: once the caller has a 201, nothing of it can be lost.
 */
@ApplicationScoped
public class ApplicationService {
  public static final String AUDIT_OBJECT = "application";

  @PersistenceContext EntityManager em;
  @Inject StatusMessages statusMessages;
  @Inject CaseworkService casework;
  @Inject DeliveryRecords deliveries;
  @Inject ServiceCatalogue catalogue;
  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Transactions tx;
  @Inject de.buergerbuero.applications.internal.AttachmentContents contents;

  @Inject
  @ConfigProperty(
      name = "buergerbuero.upload.accepted-types",
      defaultValue = "application/pdf,image/jpeg,image/png,image/tiff,text/plain")
  List<String> acceptedTypes;

  @Inject
  @ConfigProperty(name = "buergerbuero.reference.prefix", defaultValue = "MS")
  String referencePrefix;

  @Inject
  @ConfigProperty(name = "buergerbuero.timezone", defaultValue = "Europe/Berlin")
  String timezone;

  /** Submits an application for the calling applicant. */
  public ApplicationView submit(
      Caller.ApplicantCaller caller, String serviceId, JsonNode formData, List<Upload> uploads) {
    ServiceOffering service = catalogue.require(serviceId);
    if (!service.acceptsApplicantKind(caller.applicant().kind())) {
      throw new AccessDeniedException(
          ApplicationsError.APPLICANT_KIND_NOT_ACCEPTED,
          "Dieser Dienst steht nur "
              + service.applicantKinds().stream().map(Enum::name).sorted().toList()
              + " offen.");
    }
    if (!caller.trustLevel().satisfies(service.requiredTrustLevel())) {
      throw new TrustLevelTooLowException(service.requiredTrustLevel(), caller.trustLevel());
    }
    FormValidator.validate(catalogue.catalogue().validators().get(service.id()), formData);
    requireAcceptedTypes(service, uploads);
    return tx.required(() -> store(caller, service, formData, uploads));
  }

  /**
   * Stores an application that came from a form server, once per submission: a submission delivered
   * again returns the application stored the first time. The form server vouches for the applicant
   * and the trust level (the town configures both per form).
   *
   * @return the application's id
   */
  public String submitFromFormServer(
      String submissionKey,
      Caller.ApplicantCaller applicant,
      String serviceId,
      JsonNode formData,
      List<Upload> uploads) {
    ServiceOffering service = catalogue.require(serviceId);
    FormValidator.validate(catalogue.catalogue().validators().get(service.id()), formData);
    return tx.required(
        () -> {
          @SuppressWarnings("unchecked")
          List<Object> known =
              em.createNativeQuery(
                      "SELECT application_id FROM bb_form_intake WHERE submission_key = ?")
                  .setParameter(1, submissionKey)
                  .getResultList();
          if (!known.isEmpty()) {
            return (String) known.get(0);
          }
          String id = store(applicant, service, formData, uploads).id();
          em.createNativeQuery(
                  "INSERT INTO bb_form_intake (submission_key, application_id, received_at)"
                      + " VALUES (?, ?, ?)")
              .setParameter(1, submissionKey)
              .setParameter(2, id)
              .setParameter(3, java.sql.Timestamp.from(clock.instant()))
              .executeUpdate();
          return id;
        });
  }

  /** Refuses attachment types the service does not take (its catalogue entry, else the default). */
  public void requireAcceptedTypes(ServiceOffering service, List<Upload> uploads) {
    List<String> accepted = catalogue.catalogue().policy(service.id()).attachmentTypes();
    List<String> effective = accepted.isEmpty() ? acceptedTypes : accepted;
    for (Upload u : uploads) {
      if (!ContentTypes.accepted(u.mediaType(), effective)) {
        String problem =
            "„"
                + u.fileName()
                + "“ ist "
                + u.mediaType()
                + "; dieser Dienst nimmt "
                + String.join(", ", effective)
                + ".";
        throw new de.buergerbuero.kernel.error.InvalidInputException(
            ApplicationsError.ATTACHMENT_TYPE_NOT_ACCEPTED,
            problem,
            List.of(new de.buergerbuero.kernel.error.FieldError("attachments", problem)));
      }
    }
  }

  private ApplicationView store(
      Caller.ApplicantCaller caller,
      ServiceOffering service,
      JsonNode formData,
      List<Upload> uploads) {
    Instant now = clock.instant();
    int year = now.atZone(ZoneId.of(timezone)).getYear();
    String reference =
        Application.formatReference(referencePrefix, year, Sequences.next(em, "bb_reference_seq"));
    Application application =
        new Application(
            UUID.randomUUID(),
            reference,
            service.id(),
            service.department(),
            caller.applicant(),
            ApplicationStatus.SUBMITTED,
            now,
            now);
    String id = application.id().toString();
    ApplicationEntity created =
        new ApplicationEntity(application, caller.trustLevel(), formData.toString());
    created.decideBy(casework.decideBy(service.id(), now));
    em.persist(created);
    em.persist(
        new StatusChangeEntity(id, null, ApplicationStatus.SUBMITTED, Actor.APPLICANT, null, now));
    List<AttachmentView> attachments = new java.util.ArrayList<>();
    int position = 0;
    for (Upload u : uploads) {
      AttachmentEntity attachment =
          new AttachmentEntity(id, ++position, u.fileName(), u.mediaType(), u.size(), u.sha256());
      contents.insert(attachment, u);
      attachments.add(
          new AttachmentView(
              attachment.id(),
              attachment.fileName(),
              attachment.mediaType(),
              attachment.size(),
              attachment.sha256()));
    }
    outbox.enqueue(DmsFilingHandler.TYPE, "dms-file-application:" + id, id);
    statusMessages.later(id, caller.applicant().postboxHandle(), ApplicationStatus.SUBMITTED, now);
    audit.append(caller.auditId(), "APPLICATION_SUBMITTED", AUDIT_OBJECT, id, service.id());
    // the answer is built from what was just written: no read-back on the hot path
    return new ApplicationView(
        id,
        reference,
        service.id(),
        service.name().de(),
        ApplicationStatus.SUBMITTED.name(),
        now,
        now,
        List.of(
            new StatusChangeView(
                null, ApplicationStatus.SUBMITTED.name(), Actor.APPLICANT.name(), null, now)),
        attachments,
        null,
        null,
        List.of(),
        caller.applicant().postboxHandle() != null,
        false);
  }

  /** The caller's own applications, newest first. */
  public List<ApplicationView> listOwn(Caller.ApplicantCaller caller) {
    return tx.required(
        () ->
            em.createQuery(
                    "SELECT a FROM ApplicationEntity a WHERE a.applicantSubject = :s ORDER BY a.submittedAt DESC",
                    ApplicationEntity.class)
                .setParameter("s", caller.applicant().subjectId())
                .setMaxResults(500)
                .getResultStream()
                .map(this::view)
                .toList());
  }

  /** A page of the caller's applications, newest first, and the cursor of the next page. */
  @Schema(
      name = "MyApplicationsPage",
      description =
          "One page of the caller's applications, newest first; next is absent on the last.")
  public record OwnPage(List<ApplicationView> items, String next) {}

  /**
   * The caller's applications page by page, newest first (keyset on the applicant's index).
   *
   * @param cursor {@link OwnPage#next()} of the page before, or null
   */
  public OwnPage pageOwn(Caller.ApplicantCaller caller, String cursor, int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    PageCursor after = cursor == null ? null : PageCursor.parse(cursor);
    return tx.required(
        () -> {
          var query =
              em.createQuery(
                      "SELECT a FROM ApplicationEntity a WHERE a.applicantSubject = :s"
                          + (after == null ? "" : after.condition(true))
                          + " ORDER BY a.submittedAt DESC, a.id DESC",
                      ApplicationEntity.class)
                  .setParameter("s", caller.applicant().subjectId());
          if (after != null) {
            after.parameters().forEach(query::setParameter);
          }
          PageCursor.Slice page =
              PageCursor.slice(query.setMaxResults(size + 1).getResultList(), size);
          return new OwnPage(page.rows().stream().map(this::view).toList(), page.next());
        });
  }

  /** One of the caller's applications; someone else's is reported as not found. */
  public ApplicationView getOwn(Caller.ApplicantCaller caller, String id) {
    return tx.required(() -> view(requireOwn(caller, id)));
  }

  /** Withdraws one of the caller's applications before a decision. */
  public ApplicationView withdraw(Caller.ApplicantCaller caller, String id) {
    return tx.required(() -> withdrawOwn(caller, id));
  }

  private ApplicationView withdrawOwn(Caller.ApplicantCaller caller, String id) {
    ApplicationEntity entity = requireOwn(caller, id);
    Application current = entity.toApplication();
    Application changed;
    try {
      changed = current.transitionTo(ApplicationStatus.WITHDRAWN, Actor.APPLICANT, clock.instant());
    } catch (IllegalTransitionException e) {
      throw new ConflictException(
          ApplicationsError.WITHDRAWAL_NOT_POSSIBLE,
          "Im Status " + current.status() + " kann der Antrag nicht mehr zurückgenommen werden.");
    }
    recordTransition(entity, changed, Actor.APPLICANT, null, caller.auditId());
    return view(entity);
  }

  /** Data for the receipt of one of the caller's applications. */
  public ReceiptData receiptData(Caller.ApplicantCaller caller, String id) {
    return tx.required(() -> receiptData(requireOwn(caller, id)));
  }

  /** Receipt data of an application; the caller provides the transaction. */
  public ReceiptData receiptData(ApplicationEntity entity) {
    Application a = entity.toApplication();
    ServiceOffering service = catalogue.require(a.serviceId());
    return new ReceiptData(
        a.reference(),
        service.name().de(),
        service.leikaKey().value(),
        a.applicant().displayName(),
        a.submittedAt().atZone(ZoneId.of(timezone)),
        a.status().name(),
        SafeJson.read(entity.formData()),
        attachments(entity.id()).stream()
            .map(v -> v.fileName() + " (" + v.size() + " Byte)")
            .toList());
  }

  /**
   * Applies a status change, writes its history entry and the audit entry. Shared with the staff
   * side and the DMS filing; caller provides the transaction.
   */
  public void recordTransition(
      ApplicationEntity entity, Application changed, Actor actor, String note, String auditActor) {
    ApplicationStatus from = entity.toApplication().status();
    entity.apply(changed);
    em.persist(
        new StatusChangeEntity(
            entity.id(), from, changed.status(), actor, note, changed.updatedAt()));
    audit.append(
        auditActor, "STATUS_CHANGED", AUDIT_OBJECT, entity.id(), from + " -> " + changed.status());
    statusMessages.later(
        entity.id(), entity.postboxHandle(), changed.status(), changed.updatedAt());
  }

  /** The caller's own application; someone else's is not found (BB-2005). */
  public ApplicationEntity requireOwn(Caller.ApplicantCaller caller, String id) {
    ApplicationEntity entity = find(id);
    if (entity == null || !entity.applicantSubject().equals(caller.applicant().subjectId())) {
      throw notFound();
    }
    return entity;
  }

  /** Finds by id; malformed ids find nothing. */
  public ApplicationEntity find(String id) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
    return em.find(ApplicationEntity.class, id);
  }

  public static NoSuchResourceException notFound() {
    return new NoSuchResourceException(
        ApplicationsError.APPLICATION_NOT_FOUND, "Diesen Antrag gibt es nicht.");
  }

  public ApplicationView view(ApplicationEntity entity) {
    Application a = entity.toApplication();
    String serviceName =
        catalogue.catalogue().find(a.serviceId()).map(s -> s.name().de()).orElse(a.serviceId());
    List<StatusChangeView> history =
        em.createQuery(
                "SELECT c FROM StatusChangeEntity c WHERE c.applicationId = :id ORDER BY c.changedAt, c.id",
                StatusChangeEntity.class)
            .setParameter("id", entity.id())
            .getResultStream()
            .map(
                c ->
                    new StatusChangeView(
                        c.fromStatus() == null ? null : c.fromStatus().name(),
                        c.toStatus().name(),
                        c.actor().name(),
                        c.note(),
                        c.changedAt()))
            .toList();
    return new ApplicationView(
        a.id().toString(),
        a.reference(),
        a.serviceId(),
        serviceName,
        a.status().name(),
        a.submittedAt(),
        a.updatedAt(),
        history,
        attachments(entity.id()),
        decisionOf(entity.id()),
        a.status() == ApplicationStatus.NEEDS_INFO ? entity.answerDue() : null,
        answersOf(entity.id()),
        entity.postboxHandle() != null,
        entity.postboxConsentAt() != null);
  }

  private List<AnswerView> answersOf(String applicationId) {
    return em.createQuery(
            "SELECT w FROM AnswerEntity w WHERE w.applicationId = :id ORDER BY w.number",
            AnswerEntity.class)
        .setParameter("id", applicationId)
        .getResultStream()
        .map(w -> new AnswerView(w.number(), w.text(), w.answeredAt(), w.filedAt() != null))
        .toList();
  }

  /**
   * The Bescheid's metadata (not its bytes) with its deliveries, if one was issued; the caller
   * provides the transaction.
   */
  public DecisionView decisionOf(String applicationId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT d.id, d.outcome, d.fileName, d.size, d.sha256, d.issuedAt, d.dmsDocumentId"
                    + " FROM DecisionEntity d WHERE d.applicationId = :id",
                Object[].class)
            .setParameter("id", applicationId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    return new DecisionView(
        (String) r[0],
        ((ApplicationStatus) r[1]).name(),
        (String) r[2],
        ((Number) r[3]).longValue(),
        (String) r[4],
        (Instant) r[5],
        r[6] != null,
        deliveries.of(applicationId).stream()
            .map(d -> new DeliveryView(d.channel(), d.state().name(), d.reason(), d.updatedAt()))
            .toList());
  }

  /**
   * The applicant agrees (or no longer agrees) to receive the Bescheid in the BundID postbox they
   * logged in with; audited.
   */
  public ApplicationView postboxConsent(Caller.ApplicantCaller caller, String id, boolean consent) {
    return tx.required(
        () -> {
          ApplicationEntity entity = requireOwn(caller, id);
          // the row lock first: the DMS filing may change the application at the same moment
          // (its optimistic check then retries it instead of this request failing)
          em.refresh(entity, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
          if (consent && entity.postboxHandle() == null) {
            throw new ConflictException(
                ApplicationsError.NO_POSTBOX,
                "Sie haben sich ohne BundID-Postfach angemeldet; der Bescheid kommt per Post.");
          }
          if (consent != (entity.postboxConsentAt() != null)) {
            entity.postboxConsent(consent ? clock.instant() : null);
            audit.append(
                caller.auditId(),
                consent ? "POSTBOX_CONSENT_GIVEN" : "POSTBOX_CONSENT_WITHDRAWN",
                AUDIT_OBJECT,
                id,
                null);
          }
          return view(entity);
        });
  }

  public List<AttachmentView> attachments(String applicationId) {
    return em.createQuery(
            "SELECT t.id, t.fileName, t.mediaType, t.size, t.sha256 FROM AttachmentEntity t"
                + " WHERE t.applicationId = :id ORDER BY t.position",
            Object[].class)
        .setParameter("id", applicationId)
        .getResultStream()
        .map(
            r ->
                new AttachmentView(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    (String) r[4]))
        .toList();
  }
}
