package de.buergerbuero.applications.filing;

import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.spi.dms.CaseAdditionPort;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import jakarta.inject.Inject;

/**
 * Delivers outbox entries that add documents to an application's Vorgang in the DMS (the Bescheid,
 * an answer to a query): reads what to add in a short transaction, calls the DMS outside any
 * transaction, records the result. The outbox's idempotency key goes to the DMS, so a repeated
 * delivery adds nothing; an application not yet filed makes the entry wait (retryable).
 */
public abstract class CaseAdditionHandler implements OutboxHandler {
  @Inject CaseAdditionPort dms;

  /** What to add to which case. */
  public record Addition(String caseId, CaseRecord record) {}

  /** Reads the addition for the entry's payload (in a transaction of its own). */
  protected abstract Addition addition(String payload);

  /** Records that the DMS has it (in a transaction of its own). */
  protected abstract void filed(String payload, FiledCase added);

  @Override
  public String deliver(OutboxMessage message) {
    Addition addition = addition(message.payload());
    FiledCase added =
        dms.addDocuments(message.idempotencyKey(), addition.caseId(), addition.record());
    filed(message.payload(), added);
    return added.caseId();
  }

  @Override
  public boolean awaitsConfirmation(String handOverId) {
    return dms.confirmsAsynchronously(handOverId);
  }
}
