package de.buergerbuero.kernel.spi.dms;

/**
 * Port: file a case record (Vorgang) with its documents into the town's DMS.
 *
 * <p>Implementations must be <b>idempotent by key</b>: filing again with the same {@code
 * idempotencyKey} returns the same {@link FiledCase} and creates nothing new, even when the first
 * call's answer was lost (the outbox retries after a crash). They must stream document content
 * ({@link ContentSource}) rather than load it whole.
 *
 * <p>Errors: throw {@link DocumentStoreException#unavailable} when the DMS cannot be reached (the
 * outbox retries with back-off), {@link DocumentStoreException#refused} when it refuses for good,
 * {@link DocumentStoreException#rejected} for input it cannot take.
 */
public interface CaseFilingPort {

  FiledCase fileCase(String idempotencyKey, CaseRecord record);

  /**
   * Whether the filing that returned {@code caseId} was only handed over and the DMS confirms the
   * import later through {@link FilingConfirmations} (e.g. xdomea 0402). The outbox then keeps the
   * entry awaiting that confirmation.
   */
  default boolean confirmsAsynchronously(String caseId) {
    return false;
  }
}
