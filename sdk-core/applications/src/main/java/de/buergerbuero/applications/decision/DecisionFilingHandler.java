package de.buergerbuero.applications.decision;

import de.buergerbuero.applications.filing.CaseAdditionHandler;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Outbox entries of type {@value #TYPE}: the Bescheid into the application's Vorgang. */
@ApplicationScoped
public class DecisionFilingHandler extends CaseAdditionHandler {
  public static final String TYPE = "dms.file-decision";

  @Inject DecisionFilingSteps steps;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  protected Addition addition(String decisionId) {
    return steps.addition(decisionId);
  }

  @Override
  protected void filed(String decisionId, FiledCase added) {
    steps.recordFiled(decisionId, added.documents().get(0).documentId());
  }
}
