package de.buergerbuero.kernel.spi.dms;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.KernelError;
import java.util.List;

/**
 * The one error type every DMS connector raises; {@link #isRetryable()} tells the outbox whether to
 * try again. Connectors translate vendor errors into these in one place.
 */
public class DocumentStoreException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  protected DocumentStoreException(
      KernelError code, String detail, boolean retryable, Throwable cause) {
    super(code, detail, List.of(), retryable, cause);
  }

  /** The DMS could not be reached or failed transiently (network, 5xx, disk full): retry later. */
  public static DocumentStoreException unavailable(String detail, Throwable cause) {
    return new DocumentStoreException(KernelError.DOCUMENT_STORE_UNAVAILABLE, detail, true, cause);
  }

  /** The DMS refused for good (authentication, authorisation, conflict): do not retry. */
  public static DocumentStoreException refused(String detail, Throwable cause) {
    return new DocumentStoreException(KernelError.DOCUMENT_STORE_REFUSED, detail, false, cause);
  }

  /** The given document or case record is not acceptable (empty, unsafe name). */
  public static DocumentStoreException rejected(String detail) {
    return new DocumentStoreException(KernelError.DOCUMENT_REJECTED, detail, false, null);
  }

  /** No document with that id. */
  public static DocumentStoreException noSuchDocument(String documentId) {
    return new DocumentStoreException(
        KernelError.NO_SUCH_DOCUMENT, "Unbekanntes Dokument: " + documentId, false, null);
  }
}
