package de.buergerbuero.applications.filing;

import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers outbox entries of type {@value #TYPE}: files the application as a case record in the DMS
 * through whatever {@link CaseFilingPort} the application provides. The outbox's idempotency key
 * goes to the DMS, so a retry after a crash finds the case filed before.
 */
@ApplicationScoped
public class DmsFilingHandler implements OutboxHandler {
  public static final String TYPE = "dms.file-application";

  @Inject FilingTransactions transactions;
  @Inject CaseFilingPort dms;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String deliver(OutboxMessage message) {
    String applicationId = message.payload();
    CaseRecord record = transactions.caseRecord(applicationId);
    FiledCase filed = dms.fileCase(message.idempotencyKey(), record);
    return filed.caseId();
  }

  /** Asynchronous DMS (e.g. xdomea): the entry waits for the import confirmation. */
  @Override
  public boolean awaitsConfirmation(String dmsCaseId) {
    return dms.confirmsAsynchronously(dmsCaseId);
  }

  @Override
  public void afterDelivery(OutboxMessage message, String dmsCaseId) {
    transactions.recordFiled(message.payload(), dmsCaseId);
  }
}
