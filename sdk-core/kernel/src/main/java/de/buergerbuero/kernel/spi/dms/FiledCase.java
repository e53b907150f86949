package de.buergerbuero.kernel.spi.dms;

import java.util.List;
import java.util.Objects;

/**
 * What the DMS answered after filing a case record.
 *
 * @param caseId the DMS's id of the case (Vorgang)
 * @param documents the DMS's ids of the documents, in the order they were given
 */
public record FiledCase(String caseId, List<FiledDocument> documents) {
  public FiledCase {
    Objects.requireNonNull(caseId, "caseId");
    documents = List.copyOf(documents);
  }

  /**
   * @param documentId the DMS's id, usable with {@link DocumentReadPort#openDocument}
   * @param fileName the name as filed
   * @param size bytes stored
   */
  public record FiledDocument(String documentId, String fileName, long size) {}
}
