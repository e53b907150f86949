package de.buergerbuero.kernel.spi.forms;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A completed form as a form server delivers it, already decoded and flattened.
 *
 * @param submissionId the form server's id (e.g. formsolutions {@code transID}); the idempotency
 *     key of everything that follows
 * @param formId the form (e.g. formsolutions Formularnummer)
 * @param fields the form's data as path → text, paths like JSON pointers ({@code /antrag/name},
 *     {@code /kinder/0/vorname}) whether the server sent JSON or XML
 * @param pdf the form's PDF, if the server renders one (the application's first document)
 * @param attachments the files the applicant attached
 */
public record FormSubmission(
    String submissionId,
    String formId,
    Instant submittedAt,
    Map<String, String> fields,
    CaseDocument pdf,
    List<CaseDocument> attachments) {
  public FormSubmission {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(formId, "formId");
    fields = Map.copyOf(fields);
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }
}
