package de.buergerbuero.kernel.spi.dms;

import java.util.Optional;

/**
 * A DMS as the SDK uses it: files case records and reads documents back. A connector implements
 * this type (and {@link FilingConfirmations} when the DMS confirms imports later, e.g. xdomea 0402)
 * and contributes a {@link DocumentStoreFactory} that builds it from configuration.
 *
 * <p>Each store must prefix the document and case ids it hands out with something of its own (e.g.
 * {@code fs:}, {@code cmis:}), so that several stores routed per department never hand out the same
 * id.
 */
public interface DocumentStore extends CaseFilingPort, DocumentReadPort {

  /** The confirmation channel of a DMS that imports asynchronously; empty for all others. */
  default Optional<FilingConfirmations> confirmations() {
    return this instanceof FilingConfirmations c ? Optional.of(c) : Optional.empty();
  }
}
