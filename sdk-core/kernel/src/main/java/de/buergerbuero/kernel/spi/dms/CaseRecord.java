package de.buergerbuero.kernel.spi.dms;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case record (Vorgang) to be filed in the DMS: one per application, with its documents.
 *
 * @param reference the application's reference (Aktenzeichen), e.g. {@code MS-2026-000123}
 * @param title a short title, e.g. the service name
 * @param metadata flat metadata (service, LeiKa key, applicant pseudonym, department, dates)
 * @param documents at least one document
 */
public record CaseRecord(
    String reference, String title, Map<String, String> metadata, List<CaseDocument> documents) {
  public CaseRecord {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(title, "title");
    metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    documents = List.copyOf(documents == null ? List.of() : documents);
    if (documents.isEmpty()) {
      throw new InvalidInputException("Ein Vorgang braucht mindestens ein Dokument.");
    }
    long distinct = documents.stream().map(CaseDocument::fileName).distinct().count();
    if (distinct != documents.size()) {
      throw DocumentStoreException.rejected("Dokumentnamen eines Vorgangs müssen eindeutig sein.");
    }
  }
}
