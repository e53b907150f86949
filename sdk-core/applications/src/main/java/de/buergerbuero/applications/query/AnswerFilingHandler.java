package de.buergerbuero.applications.query;

import de.buergerbuero.applications.filing.CaseAdditionHandler;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Outbox entries of type {@value #TYPE}: an answer to a query into the application's Vorgang. */
@ApplicationScoped
public class AnswerFilingHandler extends CaseAdditionHandler {
  public static final String TYPE = "dms.file-answer";

  @Inject AnswerFilingSteps steps;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  protected Addition addition(String answerId) {
    return steps.addition(answerId);
  }

  @Override
  protected void filed(String answerId, FiledCase added) {
    steps.recordFiled(answerId);
  }
}
