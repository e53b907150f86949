package de.buergerbuero.applications.decision;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.filing.CaseAdditionHandler;
import de.buergerbuero.applications.internal.ApplicationEntity;
import de.buergerbuero.applications.internal.DecisionEntity;
import de.buergerbuero.kernel.model.Application;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database side of filing a Bescheid, each step in a short transaction of its own so that none
 * stays open while the DMS is called.
 */
@ApplicationScoped
public class DecisionFilingSteps {
  @PersistenceContext EntityManager em;
  @Inject ServiceCatalogue catalogue;

  @Transactional(TxType.REQUIRES_NEW)
  public CaseAdditionHandler.Addition addition(String decisionId) {
    DecisionEntity d = em.find(DecisionEntity.class, decisionId);
    if (d == null) {
      // deleted by retention after the application ended: nothing left to file
      throw DocumentStoreException.rejected("Bescheid " + decisionId + " no longer exists");
    }
    ApplicationEntity entity = em.find(ApplicationEntity.class, d.applicationId());
    if (entity == null || entity.dmsCaseId() == null) {
      throw DocumentStoreException.unavailable(
          "Application of Bescheid " + decisionId + " not yet filed in the DMS", null);
    }
    Application a = entity.toApplication();
    byte[] pdf = d.content();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("reference", a.reference());
    meta.put("serviceId", a.serviceId());
    meta.put("department", a.department());
    meta.put("documentKind", "Bescheid");
    meta.put("outcome", d.outcome().name());
    meta.put("issuedAt", d.issuedAt().toString());
    String title =
        catalogue.catalogue().find(a.serviceId()).map(s -> s.name().de()).orElse(a.serviceId());
    return new CaseAdditionHandler.Addition(
        entity.dmsCaseId(),
        new CaseRecord(
            a.reference(),
            title,
            meta,
            List.of(
                new CaseDocument(
                    d.fileName(),
                    "application/pdf",
                    pdf.length,
                    () -> new ByteArrayInputStream(pdf)))));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void recordFiled(String decisionId, String documentId) {
    DecisionEntity d = em.find(DecisionEntity.class, decisionId);
    if (d != null) {
      d.filedAs(documentId);
    }
  }
}
