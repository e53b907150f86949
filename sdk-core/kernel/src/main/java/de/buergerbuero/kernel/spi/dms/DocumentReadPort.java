package de.buergerbuero.kernel.spi.dms;

import java.io.InputStream;

/** Port: read a filed document back from the DMS. */
public interface DocumentReadPort {

  /**
   * Opens a filed document's bytes; the caller closes the stream.
   *
   * @param documentId as returned in {@link FiledCase.FiledDocument#documentId()}
   * @throws DocumentStoreException with {@code NO_SUCH_DOCUMENT} when the id is unknown
   */
  InputStream openDocument(String documentId);
}
