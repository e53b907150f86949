package de.buergerbuero.indoor;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.ErrorCode;

/** Error codes of indoor navigation: range BB-4000 to BB-4099. */
public enum IndoorError implements ErrorCode {
  UNKNOWN_PLACE("BB-4001", 404, "Ort nicht gefunden", "Unknown room or place"),
  NO_ROUTE(
      "BB-4002",
      404,
      "Kein Weg mit diesem Profil",
      "No route with this profile (e.g. no step-free way)"),
  UNKNOWN_PROFILE("BB-4003", 400, "Unbekanntes Wegprofil", "Unknown routing profile"),
  BUILDING_INVALID("BB-4004", 500, "Gebäudemodell fehlerhaft", "Building model invalid"),
  BUILDING_FILE_REJECTED(
      "BB-4005", 400, "Gebäudedatei abgelehnt", "Building file rejected (malformed or hostile)");

  private final Descriptor descriptor;

  IndoorError(String code, int httpStatus, String titleDe, String titleEn) {
    this.descriptor = new Descriptor(code, httpStatus, titleDe, titleEn);
  }

  @Override
  public Descriptor descriptor() {
    return descriptor;
  }

  /** Raises this error with a detail for the caller. */
  public IndoorException with(String detail) {
    return new IndoorException(this, detail, null);
  }

  public IndoorException with(String detail, Throwable cause) {
    return new IndoorException(this, detail, cause);
  }

  /** The one exception type of this module. */
  public static final class IndoorException extends BuergerbueroException {
    private static final long serialVersionUID = 1L;

    IndoorException(IndoorError code, String detail, Throwable cause) {
      super(code, detail, cause);
    }
  }
}
