package de.buergerbuero.connector.tck;

import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import de.buergerbuero.kernel.spi.dms.FilingConfirmation;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;

/** The kit's own reference: a store whose "DMS" answers through a map the test fills. */
@DisplayName("An in-memory store confirming later passes the confirmations kit")
class InMemoryFilingConfirmationsTest extends FilingConfirmationsCompatibilityKit {
  private ConfirmingStore confirming;

  @Override
  protected DocumentStore createStore() {
    confirming = new ConfirmingStore();
    return confirming;
  }

  @Override
  protected void answer(String key, FiledCase filed, boolean imported, String reason) {
    confirming.answers.put(
        filed.caseId(), new FilingConfirmation(filed.caseId(), imported, reason, key));
  }

  private static final class ConfirmingStore implements DocumentStore, FilingConfirmations {
    private final InMemoryDocumentStore filed = new InMemoryDocumentStore();
    private final Map<String, FilingConfirmation> answers = new ConcurrentHashMap<>();

    @Override
    public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
      return filed.fileCase(idempotencyKey, record);
    }

    @Override
    public boolean confirmsAsynchronously(String caseId) {
      return true;
    }

    @Override
    public InputStream openDocument(String documentId) {
      return filed.openDocument(documentId);
    }

    @Override
    public List<FilingConfirmation> poll() {
      return List.copyOf(answers.values());
    }

    @Override
    public void done(FilingConfirmation confirmation) {
      answers.remove(confirmation.caseId());
    }
  }
}
