package de.buergerbuero.applications.query;

import de.buergerbuero.applications.filing.CaseAdditionHandler;
import de.buergerbuero.applications.filing.FilingTransactions;
import de.buergerbuero.applications.internal.AnswerEntity;
import de.buergerbuero.applications.internal.AttachmentContents;
import de.buergerbuero.applications.internal.AttachmentEntity;
import de.buergerbuero.kernel.model.Application;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
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
import java.util.List;
import java.util.Map;

/** The database side of filing an answer, each step in a short transaction of its own. */
@ApplicationScoped
public class AnswerFilingSteps {
  @PersistenceContext EntityManager em;
  @Inject FilingTransactions filing;
  @Inject AttachmentContents contents;
  @Inject Clock clock;

  @Transactional(TxType.REQUIRES_NEW)
  public CaseAdditionHandler.Addition addition(String answerId) {
    AnswerEntity answer = em.find(AnswerEntity.class, answerId);
    if (answer == null) {
      throw DocumentStoreException.rejected("Answer " + answerId + " no longer exists");
    }
    return filing.additionTo(
        answer.applicationId(),
        "answer " + answerId,
        "Antwort auf Rückfrage",
        Map.of("answeredAt", answer.answeredAt().toString()),
        a -> documents(answer, a));
  }

  /** The answer's text (if any) and its documents, named after the answer. */
  private List<CaseDocument> documents(AnswerEntity answer, Application a) {
    String prefix = "Antwort-" + answer.number() + "-";
    List<CaseDocument> docs = new ArrayList<>();
    if (answer.text() != null) {
      byte[] text =
          ("Antwort "
                  + answer.number()
                  + " auf die Rückfrage zu "
                  + a.reference()
                  + ", eingegangen "
                  + answer.answeredAt()
                  + "\n\n"
                  + answer.text()
                  + "\n")
              .getBytes(StandardCharsets.UTF_8);
      docs.add(
          new CaseDocument(
              prefix + a.reference() + ".txt",
              "text/plain; charset=UTF-8",
              text.length,
              () -> new ByteArrayInputStream(text)));
    }
    for (AttachmentEntity t :
        em.createQuery(
                "SELECT t FROM AttachmentEntity t WHERE t.answerId = :answer ORDER BY t.position",
                AttachmentEntity.class)
            .setParameter("answer", answer.id())
            .getResultList()) {
      String attachmentId = t.id(); // streamed from the database when the DMS reads it
      docs.add(
          new CaseDocument(
              prefixed(prefix, t.fileName()),
              t.mediaType(),
              t.size(),
              () -> contents.open(attachmentId)));
    }
    return docs;
  }

  /**
   * The DMS name of an answer's document: the prefix and the original name, shortened before its
   * extension so that the whole stays within the 255 bytes a file name may have.
   */
  static String prefixed(String prefix, String fileName) {
    String name = prefix + fileName;
    if (name.getBytes(StandardCharsets.UTF_8).length <= 255) {
      return name;
    }
    int dot = fileName.lastIndexOf('.');
    String ext = dot > 0 && fileName.length() - dot <= 16 ? fileName.substring(dot) : "";
    String stem = fileName.substring(0, fileName.length() - ext.length());
    while ((prefix + stem + ext).getBytes(StandardCharsets.UTF_8).length > 255) {
      stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
    }
    return prefix + stem + ext;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void recordFiled(String answerId) {
    AnswerEntity answer = em.find(AnswerEntity.class, answerId);
    if (answer != null && answer.filedAt() == null) {
      answer.filedAt(clock.instant());
    }
  }
}
