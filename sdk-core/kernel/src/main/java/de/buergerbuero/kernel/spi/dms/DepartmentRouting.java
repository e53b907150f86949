package de.buergerbuero.kernel.spi.dms;

import de.buergerbuero.kernel.error.KernelError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files each case record into the DMS of its department (metadata key {@code department}), or into
 * a default one. Reading and confirmations ask every configured store: document and case ids of
 * different connectors never collide (each uses its own prefix, see {@link DocumentStore}).
 */
public final class DepartmentRouting implements DocumentStore, FilingConfirmations {
  private final DocumentStore fallback;
  private final Map<String, DocumentStore> byDepartment;
  private final List<DocumentStore> all;

  /**
   * @param fallback the store of every department not listed
   * @param byDepartment department id → store
   */
  public DepartmentRouting(DocumentStore fallback, Map<String, DocumentStore> byDepartment) {
    this.fallback = fallback;
    this.byDepartment = Map.copyOf(byDepartment);
    Set<DocumentStore> stores = new LinkedHashSet<>();
    stores.add(fallback);
    stores.addAll(byDepartment.values());
    this.all = List.copyOf(stores);
  }

  /** The store that files the records of {@code department}. */
  public DocumentStore storeOf(String department) {
    return byDepartment.getOrDefault(department == null ? "" : department, fallback);
  }

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    return storeOf(record.metadata().get("department")).fileCase(idempotencyKey, record);
  }

  /** Adds to the store that files the department's records (metadata key {@code department}). */
  @Override
  public FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    return storeOf(addition.metadata().get("department"))
        .addDocuments(idempotencyKey, caseId, addition);
  }

  @Override
  public boolean confirmsAsynchronously(String caseId) {
    return all.stream().anyMatch(s -> s.confirmsAsynchronously(caseId));
  }

  @Override
  public InputStream openDocument(String documentId) {
    for (DocumentStore store : all) {
      try {
        return store.openDocument(documentId);
      } catch (DocumentStoreException e) {
        if (e.errorCode() != KernelError.NO_SUCH_DOCUMENT) {
          throw e;
        }
      }
    }
    throw DocumentStoreException.noSuchDocument(documentId);
  }

  @Override
  public Optional<FilingConfirmations> confirmations() {
    return hasConfirmations() ? Optional.of(this) : Optional.empty();
  }

  @Override
  public List<FilingConfirmation> poll() {
    List<FilingConfirmation> found = new ArrayList<>();
    for (DocumentStore store : all) {
      store.confirmations().ifPresent(c -> found.addAll(c.poll()));
    }
    return found;
  }

  @Override
  public void done(FilingConfirmation confirmation) {
    for (DocumentStore store : all) {
      if (store.confirmsAsynchronously(confirmation.caseId())) {
        store.confirmations().ifPresent(c -> c.done(confirmation));
      }
    }
  }

  /** Whether any store confirms asynchronously at all. */
  public boolean hasConfirmations() {
    return all.stream().anyMatch(s -> s.confirmations().isPresent());
  }
}
