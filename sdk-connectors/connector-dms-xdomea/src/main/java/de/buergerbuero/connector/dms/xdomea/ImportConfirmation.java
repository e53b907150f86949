package de.buergerbuero.connector.dms.xdomea;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A DMS's reply to a 0401 message: {@code Abgabe.ImportBestaetigen.0402} (with a result per object)
 * or {@code Abgabe.EmpfangBestaetigen.0403} (received, not yet imported).
 *
 * @param processId the ProzessID of the 0401 message answered
 * @param messageType {@code 0402} or {@code 0403}
 * @param results one per object for 0402 (the DMS may answer per Vorgang and per Dokument); empty
 *     for 0403
 * @param created the reply's Erstellungszeitpunkt, or null when it had none
 */
public record ImportConfirmation(
    UUID processId, String messageType, List<ObjectResult> results, Instant created) {
  public ImportConfirmation {
    Objects.requireNonNull(processId, "processId");
    results = List.copyOf(results);
  }

  /** A reply without a creation time. */
  public ImportConfirmation(UUID processId, String messageType, List<ObjectResult> results) {
    this(processId, messageType, results, null);
  }

  /** Whether every object was imported (0402 only). */
  public boolean imported() {
    return "0402".equals(messageType)
        && !results.isEmpty()
        && results.stream().allMatch(ObjectResult::success);
  }

  /** The objects the DMS did not import, in message order. */
  public List<ObjectResult> rejected() {
    return results.stream().filter(r -> !r.success()).toList();
  }

  /**
   * @param objectId IDSGO: the id of the Vorgang or Dokument the result is about
   * @param success Erfolgreich
   * @param error the Fehlermeldung texts (several are joined with "; "), or null
   * @param codes the FehlermeldungCode entries, in message order
   */
  public record ObjectResult(UUID objectId, boolean success, String error, List<Code> codes) {
    public ObjectResult {
      Objects.requireNonNull(objectId, "objectId");
      codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public ObjectResult(UUID objectId, boolean success, String error) {
      this(objectId, success, error, List.of());
    }

    /** What to tell an admin about this object: the texts, else the codes, else null. */
    public String reason() {
      if (error != null) {
        return error;
      }
      if (codes.isEmpty()) {
        return null;
      }
      return String.join("; ", codes.stream().map(Code::describe).toList());
    }
  }

  /**
   * A value from an XÖV code list: {@code code} (and optional {@code name}) of the list {@code
   * listUri} in version {@code listVersionId}.
   */
  public record Code(String listUri, String listVersionId, String code, String name) {
    public Code {
      Objects.requireNonNull(code, "code");
    }

    String describe() {
      String list = listUri == null ? "" : " (" + listUri + ")";
      return name == null || name.isEmpty() ? "Code " + code + list : name + " [" + code + "]";
    }
  }
}
