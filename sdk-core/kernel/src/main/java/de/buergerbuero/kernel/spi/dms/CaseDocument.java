package de.buergerbuero.kernel.spi.dms;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.files.SafeFileNames;
import java.util.Objects;

/**
 * One document of a case record (Vorgang).
 *
 * @param fileName a safe single file name (see {@link SafeFileNames}); umlauts allowed
 * @param mediaType e.g. {@code application/pdf}
 * @param size the exact size in bytes, larger than zero
 * @param content the bytes, opened on demand
 */
public record CaseDocument(String fileName, String mediaType, long size, ContentSource content) {
  public CaseDocument {
    fileName = SafeFileNames.requireSafe(fileName, KernelError.DOCUMENT_REJECTED, "fileName");
    if (mediaType == null || mediaType.isBlank()) {
      mediaType = "application/octet-stream";
    }
    if (size <= 0) {
      throw DocumentStoreException.rejected("Leeres Dokument: " + fileName);
    }
    Objects.requireNonNull(content, "content");
  }
}
