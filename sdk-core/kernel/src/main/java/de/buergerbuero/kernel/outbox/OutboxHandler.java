package de.buergerbuero.kernel.outbox;

/**
 * Delivers outbox entries of one {@link #type()} to an outside system. Implementations are CDI
 * beans. They must be idempotent by {@link OutboxMessage#idempotencyKey()}: after a crash the same
 * message is delivered again.
 *
 * <p>Throw a {@link de.buergerbuero.kernel.error.BuergerbueroException} that is not {@linkplain
 * de.buergerbuero.kernel.error.BuergerbueroException#isRetryable() retryable} to give up at once;
 * any other exception is retried with exponential back-off.
 */
public interface OutboxHandler {

  /** The entry type this handler delivers, e.g. {@code dms.file-application}. */
  String type();

  /**
   * Delivers the message.
   *
   * @return a short reference from the outside system (e.g. the DMS id), stored with the entry
   */
  String deliver(OutboxMessage message);

  /**
   * Records the delivery in the handler's own tables. Runs inside the transaction that marks the
   * entry delivered, so both commit together; when it fails, the entry is delivered again (which
   * the idempotency key makes harmless).
   *
   * @param result what {@link #deliver} returned
   */
  default void afterDelivery(OutboxMessage message, String result) {}

  /**
   * Whether the delivery that returned {@code result} only handed the message over and the receiver
   * confirms later. The entry then waits in {@link OutboxState#AWAITING_CONFIRMATION} until {@link
   * OutboxRepository#confirm} is called with that result.
   */
  default boolean awaitsConfirmation(String result) {
    return false;
  }

  /**
   * Called once when the outbox gives up on a message (a refusal, or its attempts are used up), in
   * its own transaction after the entry is marked failed: the place to make the failure visible to
   * people (a print queue, a clerk's task). An administrator may still retry the entry later.
   *
   * @param error the last error (names the system and reason, never personal data)
   */
  default void gaveUp(OutboxMessage message, String error) {}
}
