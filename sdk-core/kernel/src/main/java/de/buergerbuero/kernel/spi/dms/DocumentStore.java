package de.buergerbuero.kernel.spi.dms;

import java.util.Optional;

/**
 * A DMS as the SDK uses it: files case records, adds documents to them and reads documents back. A
 * connector implements this type (and {@link FilingConfirmations} when the DMS confirms imports
 * later, e.g. xdomea 0402) and contributes a {@link DocumentStoreFactory} that builds it from
 * configuration.
 *
 * <p>Each store must prefix the document and case ids it hands out with something of its own (e.g.
 * {@code fs:}, {@code cmis:}), so that several stores routed per department never hand out the same
 * id.
 */
public interface DocumentStore extends CaseFilingPort, CaseAdditionPort, DocumentReadPort {

  /** Filing and adding ask the same question; a store answers it once for both. */
  @Override
  default boolean confirmsAsynchronously(String caseId) {
    return false;
  }

  /**
   * Refuses for good, so that a connector written before this port existed still compiles and its
   * additions show up as failed outbox entries instead of vanishing. Every connector should
   * implement it; {@code DocumentStoreCompatibilityKit} fails until it does.
   */
  @Override
  default FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    throw DocumentStoreException.refused(
        getClass().getSimpleName() + " cannot add documents to a filed case", null);
  }

  /** The confirmation channel of a DMS that imports asynchronously; empty for all others. */
  default Optional<FilingConfirmations> confirmations() {
    return this instanceof FilingConfirmations c ? Optional.of(c) : Optional.empty();
  }
}
