package de.buergerbuero.applications.decision;

import java.util.List;
import java.util.Objects;

/**
 * A Bescheid ready to be laid out: every text is final (placeholders filled, free text inserted).
 *
 * @param letterhead the issuing authority, first line in bold (town, office, address lines)
 * @param recipient the addressee's lines (name, and the postal address when the application has
 *     one)
 * @param place date line, e.g. "Musterstadt, 02.12.2026"
 * @param reference the Aktenzeichen
 * @param subject the Betreff line
 * @param body paragraphs of the decision (tenor, reasons, clerk's free text)
 * @param fee the fee line, or null when the service is free
 * @param remedy the Rechtsbehelfsbelehrung paragraphs
 * @param signature the closing lines (e.g. "Im Auftrag", the office)
 * @param translation an English rendering (not legally binding), or null when the template has none
 */
public record DecisionDocument(
    List<String> letterhead,
    List<String> recipient,
    String place,
    String reference,
    String subject,
    List<String> body,
    String fee,
    List<String> remedy,
    List<String> signature,
    Translation translation) {

  public DecisionDocument {
    letterhead = List.copyOf(letterhead);
    recipient = List.copyOf(recipient);
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(subject, "subject");
    body = List.copyOf(body);
    remedy = List.copyOf(remedy);
    signature = List.copyOf(signature);
  }

  /** The English part: subject, body and remedy in English. */
  public record Translation(String subject, List<String> body, List<String> remedy) {
    public Translation {
      Objects.requireNonNull(subject, "subject");
      body = List.copyOf(body);
      remedy = List.copyOf(remedy);
    }
  }
}
