package de.buergerbuero.kernel.spi.dms;

import java.util.Objects;

/**
 * A DMS's answer to a filing it received earlier.
 *
 * @param caseId the {@link FiledCase#caseId()} the filing returned
 * @param imported whether the DMS imported it
 * @param reason the DMS's reason when it did not; null otherwise
 * @param source an opaque handle the connector uses in {@link FilingConfirmations#done}
 */
public record FilingConfirmation(String caseId, boolean imported, String reason, String source) {
  public FilingConfirmation {
    Objects.requireNonNull(caseId, "caseId");
  }
}
