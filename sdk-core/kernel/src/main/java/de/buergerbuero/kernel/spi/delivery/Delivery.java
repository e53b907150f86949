package de.buergerbuero.kernel.spi.delivery;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import java.util.List;
import java.util.Objects;

/**
 * One thing to deliver to an applicant: a notice (subject and text) and, for channels that carry
 * documents, the documents (the Bescheid as PDF/A). An e-mail channel sends only the notice and a
 * link, never personal data or the documents.
 *
 * @param reference the Aktenzeichen the delivery belongs to
 * @param recipient whom to deliver to
 * @param subject a short subject, without personal data
 * @param text the notice, without personal data
 * @param documents the documents, empty for a notice
 * @param service the name of the service it concerns (shown by postboxes), or null
 */
public record Delivery(
    String reference,
    Recipient recipient,
    String subject,
    String text,
    List<CaseDocument> documents,
    String service) {
  public Delivery {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** A delivery that names no service. */
  public Delivery(
      String reference,
      Recipient recipient,
      String subject,
      String text,
      List<CaseDocument> documents) {
    this(reference, recipient, subject, text, documents, null);
  }

  /** The sum of the documents' sizes. */
  public long documentBytes() {
    return documents.stream().mapToLong(CaseDocument::size).sum();
  }
}
