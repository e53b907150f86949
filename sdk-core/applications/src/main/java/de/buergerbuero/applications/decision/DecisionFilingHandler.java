package de.buergerbuero.applications.decision;

import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.spi.dms.CaseAdditionPort;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers outbox entries of type {@value #TYPE}: adds the Bescheid to the application's Vorgang in
 * the DMS ({@link CaseAdditionPort}). Waits (retrying) until the application itself is filed; the
 * outbox's idempotency key makes a repeated delivery add nothing.
 */
@ApplicationScoped
public class DecisionFilingHandler implements OutboxHandler {
  public static final String TYPE = "dms.file-decision";

  @Inject CaseAdditionPort dms;
  @Inject DecisionFilingSteps steps;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String deliver(OutboxMessage message) {
    DecisionFilingSteps.Job job = steps.job(message.payload());
    FiledCase added = dms.addDocuments(message.idempotencyKey(), job.caseId(), job.record());
    steps.recordFiled(job.decisionId(), added.documents().get(0).documentId());
    return added.caseId();
  }

  @Override
  public boolean awaitsConfirmation(String handOverId) {
    return dms.confirmsAsynchronously(handOverId);
  }
}
