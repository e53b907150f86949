package de.buergerbuero.applications.decision;

import de.buergerbuero.applications.filing.CaseAdditionHandler;
import de.buergerbuero.applications.filing.FilingTransactions;
import de.buergerbuero.applications.internal.DecisionEntity;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * The database side of filing a Bescheid, each step in a short transaction of its own so that none
 * stays open while the DMS is called.
 */
@ApplicationScoped
public class DecisionFilingSteps {
  @PersistenceContext EntityManager em;
  @Inject FilingTransactions filing;

  @Transactional(TxType.REQUIRES_NEW)
  public CaseAdditionHandler.Addition addition(String decisionId) {
    DecisionEntity d = em.find(DecisionEntity.class, decisionId);
    if (d == null) {
      // deleted by retention after the application ended: nothing left to file
      throw DocumentStoreException.rejected("Bescheid " + decisionId + " no longer exists");
    }
    byte[] pdf = d.content();
    return filing.additionTo(
        d.applicationId(),
        "Bescheid " + decisionId,
        "Bescheid",
        Map.of("outcome", d.outcome().name(), "issuedAt", d.issuedAt().toString()),
        a ->
            List.of(
                new CaseDocument(
                    d.fileName(),
                    "application/pdf",
                    pdf.length,
                    () -> new ByteArrayInputStream(pdf))));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void recordFiled(String decisionId, String documentId) {
    DecisionEntity d = em.find(DecisionEntity.class, decisionId);
    if (d != null) {
      d.filedAs(documentId);
    }
  }
}
