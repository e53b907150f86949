package de.buergerbuero.connector.formsolutions.api;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One submission as the Submission-API v2 writes it (JSON-B). Binary parts stay Base64 text: they
 * are decoded, size-checked and rejected per submission by the connector, so one broken file does
 * not make the whole answer unreadable. {@code payload} is the form's own data, whose shape only
 * the form knows, hence an untyped JSON-P value.
 *
 * @param transID the submission id
 * @param status NEW, READ, CLOSED, PRELIMINARY, HIDDEN or DELETED
 * @param submissionDate ISO-8601 with offset, may be absent
 * @param payload the form data as JSON, or absent when {@code xml} is sent
 * @param xml the form data as XML, Base64
 * @param pdf the filled-in form as PDF, Base64
 * @param attachments the files the citizen uploaded
 */
public record SubmissionJson(
    String transID,
    String status,
    String submissionDate,
    JsonValue payload,
    String xml,
    String pdf,
    List<Attachment> attachments) {

  /** An uploaded file; {@code content} is Base64. */
  public record Attachment(String name, String contentType, String content) {}

  /** The body of the status change, e.g. {@code {"status":"CLOSED"}}. */
  public record StatusChange(String status) {}
}
