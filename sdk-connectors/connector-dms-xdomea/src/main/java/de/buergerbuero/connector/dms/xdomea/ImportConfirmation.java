package de.buergerbuero.connector.dms.xdomea;

import java.util.List;
import java.util.UUID;

/**
 * A DMS's reply to a 0401 message: {@code Abgabe.ImportBestaetigen.0402} (with a result per object)
 * or {@code Abgabe.EmpfangBestaetigen.0403} (received, not yet imported).
 *
 * @param processId the ProzessID of the 0401 message answered
 * @param messageType {@code 0402} or {@code 0403}
 * @param results one per object for 0402; empty for 0403
 */
public record ImportConfirmation(UUID processId, String messageType, List<ObjectResult> results) {
  public ImportConfirmation {
    results = List.copyOf(results);
  }

  /** Whether every object was imported (0402 only). */
  public boolean imported() {
    return "0402".equals(messageType)
        && !results.isEmpty()
        && results.stream().allMatch(ObjectResult::success);
  }

  /**
   * @param objectId IDSGO: the Vorgang's id
   * @param success Erfolgreich
   * @param error Fehlermeldung, or null
   */
  public record ObjectResult(UUID objectId, boolean success, String error) {}
}
