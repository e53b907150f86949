package de.buergerbuero.applications.filing;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.AttachmentContents;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.applications.receipt.ReceiptService;
import de.buergerbuero.kernel.model.Actor;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.model.ApplicationStatus;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database side of filing an application in the DMS, each step in its own short transaction so
 * that no transaction stays open while the DMS is called.
 */
@ApplicationScoped
public class FilingTransactions {
  @PersistenceContext EntityManager em;
  @Inject ApplicationService applications;
  @Inject ReceiptService receipts;
  @Inject Clock clock;
  @Inject AttachmentContents contents;
  @Inject ServiceCatalogue catalogue;

  /** Builds the case record (Vorgang) of an application: receipt PDF, form data, attachments. */
  @Transactional(TxType.REQUIRES_NEW)
  public CaseRecord caseRecord(String applicationId) {
    ApplicationEntity entity = em.find(ApplicationEntity.class, applicationId);
    if (entity == null) {
      throw ApplicationService.notFound();
    }
    Application a = entity.toApplication();
    var receipt = applications.receiptData(entity);
    List<CaseDocument> docs = new ArrayList<>();
    docs.add(
        bytes(
            "Eingangsbestaetigung-" + a.reference() + ".pdf",
            "application/pdf",
            receipts.render(receipt)));
    docs.add(
        bytes(
            "Antragsdaten-" + a.reference() + ".json",
            "application/json",
            entity.formData().getBytes(StandardCharsets.UTF_8)));
    List<AttachmentEntity> attachments =
        em.createQuery(
                "SELECT t FROM AttachmentEntity t WHERE t.applicationId = :id"
                    + " AND t.answerId IS NULL ORDER BY t.position",
                AttachmentEntity.class)
            .setParameter("id", applicationId)
            .getResultList();
    // documents of answers to a query reach the Vorgang with their answer (AnswerFilingHandler)
    for (AttachmentEntity t : attachments) {
      // streamed from the database when the DMS connector reads it, outside this transaction
      String attachmentId = t.id();
      docs.add(
          new CaseDocument(
              t.fileName(), t.mediaType(), t.size(), () -> contents.open(attachmentId)));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("reference", a.reference());
    meta.put("serviceId", a.serviceId());
    meta.put("leikaKey", receipt.leikaKey());
    meta.put("department", a.department());
    meta.put("applicantPseudonym", a.applicant().subjectId());
    meta.put("applicantKind", a.applicant().kind().name());
    meta.put("submittedAt", a.submittedAt().toString());
    return new CaseRecord(a.reference(), receipt.serviceName(), meta, docs);
  }

  /**
   * Stores the DMS id; a freshly submitted application is now received by the office. Joins the
   * outbox's transaction that marks the delivery.
   */
  @Transactional(TxType.MANDATORY)
  public void recordFiled(String applicationId, String dmsCaseId) {
    ApplicationEntity entity = em.find(ApplicationEntity.class, applicationId);
    if (entity == null) {
      return;
    }
    entity.filedAs(dmsCaseId);
    Application a = entity.toApplication();
    if (a.status() == ApplicationStatus.SUBMITTED) {
      Application received =
          a.transitionTo(ApplicationStatus.RECEIVED, Actor.SYSTEM, clock.instant());
      applications.recordTransition(
          entity,
          received,
          Actor.SYSTEM,
          "Im Dokumentenmanagement abgelegt. / Filed in the document management system.",
          "system:dms-filing");
    }
  }

  /**
   * What adding documents to an application's Vorgang needs: the DMS case id and a record with the
   * case's reference, title and metadata, plus {@code documentKind} and {@code extra} metadata.
   * Throws a retryable error while the application itself is not filed yet; caller's transaction.
   *
   * @param what names the thing being added in that error, e.g. "Bescheid 1a2b…"
   */
  @Transactional(TxType.MANDATORY)
  public CaseAdditionHandler.Addition additionTo(
      String applicationId,
      String what,
      String documentKind,
      Map<String, String> extra,
      java.util.function.Function<Application, List<CaseDocument>> documents) {
    ApplicationEntity entity = em.find(ApplicationEntity.class, applicationId);
    if (entity == null || entity.dmsCaseId() == null) {
      throw DocumentStoreException.unavailable(
          "Application of " + what + " not yet filed in the DMS", null);
    }
    Application a = entity.toApplication();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("reference", a.reference());
    meta.put("serviceId", a.serviceId());
    meta.put("department", a.department());
    meta.put("documentKind", documentKind);
    meta.putAll(extra);
    String title =
        catalogue.catalogue().find(a.serviceId()).map(s -> s.name().de()).orElse(a.serviceId());
    return new CaseAdditionHandler.Addition(
        entity.dmsCaseId(), new CaseRecord(a.reference(), title, meta, documents.apply(a)));
  }

  private static CaseDocument bytes(String name, String mediaType, byte[] content) {
    return new CaseDocument(
        name, mediaType, content.length, () -> new ByteArrayInputStream(content));
  }
}
