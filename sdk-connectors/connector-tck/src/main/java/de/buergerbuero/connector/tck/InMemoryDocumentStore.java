package de.buergerbuero.connector.tck;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference DMS connector: keeps everything in memory. It defines the expected behaviour of
 * every DMS connector and passes {@link DocumentStoreCompatibilityKit}; use it in tests of code
 * that files documents. Not for production: content is held on the heap.
 */
public final class InMemoryDocumentStore implements DocumentStore {
  private final Map<String, FiledCase> casesByKey = new ConcurrentHashMap<>();
  private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
  private final Map<String, CaseRecord> records = new ConcurrentHashMap<>();
  private final Map<String, FiledCase> additionsByKey = new ConcurrentHashMap<>();
  private final Map<String, List<FiledCase.FiledDocument>> byCase = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean available = true;
  private volatile boolean refusing;

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    if (!available) {
      throw DocumentStoreException.unavailable("In-memory store switched off", null);
    }
    if (refusing) {
      throw DocumentStoreException.refused("In-memory store refuses", null);
    }
    return casesByKey.computeIfAbsent(idempotencyKey, key -> store(record));
  }

  @Override
  public FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    if (!available) {
      throw DocumentStoreException.unavailable("In-memory store switched off", null);
    }
    if (refusing) {
      throw DocumentStoreException.refused("In-memory store refuses", null);
    }
    if (!records.containsKey(caseId)) {
      throw DocumentStoreException.rejected("Unknown case: " + caseId);
    }
    synchronized (this) {
      FiledCase known = additionsByKey.get(idempotencyKey);
      if (known != null) {
        return known;
      }
      FiledCase added = storeDocuments(caseId, addition, byCase.get(caseId).size(), null);
      additionsByKey.put(idempotencyKey, added);
      return added;
    }
  }

  private FiledCase store(CaseRecord record) {
    String caseId = "mem-" + sequence.incrementAndGet();
    return storeDocuments(caseId, record, 0, record);
  }

  private FiledCase storeDocuments(String caseId, CaseRecord record, int i, CaseRecord keep) {
    List<FiledCase.FiledDocument> filed = new ArrayList<>();
    for (CaseDocument doc : record.documents()) {
      byte[] bytes;
      try (InputStream in = doc.content().open()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw DocumentStoreException.unavailable("Cannot read document content", e);
      }
      if (bytes.length != doc.size()) {
        throw DocumentStoreException.rejected("Size of " + doc.fileName() + " does not match");
      }
      String id = caseId + "/" + (++i);
      documents.put(id, bytes);
      filed.add(new FiledCase.FiledDocument(id, doc.fileName(), bytes.length));
    }
    if (keep != null) {
      records.put(caseId, keep);
    }
    byCase
        .computeIfAbsent(caseId, c -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .addAll(filed);
    return new FiledCase(caseId, filed);
  }

  @Override
  public InputStream openDocument(String documentId) {
    byte[] bytes = documents.get(documentId);
    if (bytes == null) {
      throw DocumentStoreException.noSuchDocument(documentId);
    }
    return new ByteArrayInputStream(bytes);
  }

  /** Every document of a case, those added later included, in order (for assertions in tests). */
  public List<FiledCase.FiledDocument> documentsOf(String caseId) {
    return List.copyOf(byCase.getOrDefault(caseId, List.of()));
  }

  /** The case records filed so far (for assertions in tests). */
  public int caseCount() {
    return records.size();
  }

  /** Simulates a permanent refusal (e.g. revoked credentials). */
  public void setRefusing(boolean refusing) {
    this.refusing = refusing;
  }

  /** Simulates an outage: filing raises a retryable error until switched on again. */
  public void setAvailable(boolean available) {
    this.available = available;
  }
}
