package de.buergerbuero.kernel.spi.dms;

/**
 * Port: add documents to a case record (Vorgang) that was filed before — the Bescheid, a citizen's
 * answer to a query, a document staff add later. The DMS keeps them with the case: in its folder,
 * or (xdomea) as a further message naming the same Vorgang.
 *
 * <p>Implementations must be <b>idempotent by key</b>, like {@link CaseFilingPort}: adding again
 * with the same {@code idempotencyKey} returns the same documents and adds nothing. File names must
 * be unique within the case; callers name added documents after their purpose and the case (e.g.
 * {@code Bescheid-MS-2026-000042.pdf}).
 *
 * <p>Errors as for filing; a {@code caseId} the DMS does not know is {@link
 * DocumentStoreException#rejected} (permanent): the case must be filed first.
 */
public interface CaseAdditionPort {

  /**
   * Adds the documents of {@code addition} to the case {@code caseId}.
   *
   * @param caseId what {@link CaseFilingPort#fileCase} returned as {@link FiledCase#caseId()}
   * @param addition the documents to add, with the case's reference, title and metadata (a DMS that
   *     files by message needs them again)
   * @return the added documents; its {@link FiledCase#caseId()} names this hand-over: the case id,
   *     or, for a DMS that confirms imports later ({@link #confirmsAsynchronously}), the id its
   *     confirmation will carry
   */
  FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition);

  /** As {@link CaseFilingPort#confirmsAsynchronously}, for the id an addition returned. */
  default boolean confirmsAsynchronously(String handOverId) {
    return false;
  }
}
