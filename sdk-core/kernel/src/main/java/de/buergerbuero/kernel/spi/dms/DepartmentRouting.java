package de.buergerbuero.kernel.spi.dms;

import de.buergerbuero.kernel.error.KernelError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files each case record into the DMS of its department (metadata key {@code department}), or into
 * a default one. Reading and confirmations ask every configured store: document and case ids of
 * different connectors never collide (each uses its own prefix).
 */
public final class DepartmentRouting
    implements CaseFilingPort, DocumentReadPort, FilingConfirmations {
  private final Object fallback;
  private final Map<String, Object> byDepartment;
  private final List<Object> all;

  /**
   * @param fallback the store of every department not listed
   * @param byDepartment department id → store; each store implements {@link CaseFilingPort} and
   *     {@link DocumentReadPort}, and {@link FilingConfirmations} when it confirms later
   */
  public DepartmentRouting(Object fallback, Map<String, Object> byDepartment) {
    this.fallback = check(fallback);
    this.byDepartment = Map.copyOf(byDepartment);
    Set<Object> stores = new LinkedHashSet<>();
    stores.add(fallback);
    byDepartment.values().forEach(s -> stores.add(check(s)));
    this.all = List.copyOf(stores);
  }

  private static Object check(Object store) {
    if (!(store instanceof CaseFilingPort) || !(store instanceof DocumentReadPort)) {
      throw new IllegalArgumentException(store + " is not a document store");
    }
    return store;
  }

  private CaseFilingPort storeFor(CaseRecord record) {
    return (CaseFilingPort)
        byDepartment.getOrDefault(record.metadata().getOrDefault("department", ""), fallback);
  }

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    return storeFor(record).fileCase(idempotencyKey, record);
  }

  @Override
  public boolean confirmsAsynchronously(String caseId) {
    return all.stream().anyMatch(s -> ((CaseFilingPort) s).confirmsAsynchronously(caseId));
  }

  @Override
  public InputStream openDocument(String documentId) {
    for (Object store : all) {
      try {
        return ((DocumentReadPort) store).openDocument(documentId);
      } catch (DocumentStoreException e) {
        if (e.errorCode() != KernelError.NO_SUCH_DOCUMENT) {
          throw e;
        }
      }
    }
    throw DocumentStoreException.noSuchDocument(documentId);
  }

  @Override
  public List<FilingConfirmation> poll() {
    List<FilingConfirmation> found = new ArrayList<>();
    for (Object store : all) {
      if (store instanceof FilingConfirmations c) {
        found.addAll(c.poll());
      }
    }
    return found;
  }

  @Override
  public void done(FilingConfirmation confirmation) {
    for (Object store : all) {
      if (store instanceof FilingConfirmations c
          && store instanceof CaseFilingPort p
          && p.confirmsAsynchronously(confirmation.caseId())) {
        c.done(confirmation);
      }
    }
  }

  /** Whether any store confirms asynchronously at all. */
  public boolean hasConfirmations() {
    return all.stream().anyMatch(s -> s instanceof FilingConfirmations);
  }
}
