package de.buergerbuero.kernel.error;

/** Error codes of the kernel: range BB-1000 to BB-1999. */
public enum KernelError implements ErrorCode {
  INTERNAL("BB-1000", 500, "Interner Fehler", "Internal error"),
  INVALID_INPUT("BB-1001", 400, "Ungültige Eingabe", "Invalid input"),
  MALFORMED_REQUEST("BB-1002", 400, "Anfrage nicht lesbar", "Malformed request"),
  UNSUPPORTED_MEDIA_TYPE("BB-1003", 415, "Format nicht unterstützt", "Unsupported media type"),
  NOT_FOUND("BB-1004", 404, "Nicht gefunden", "Not found"),
  METHOD_NOT_ALLOWED("BB-1005", 405, "Methode nicht erlaubt", "Method not allowed"),
  NOT_AUTHENTICATED("BB-1006", 401, "Anmeldung erforderlich", "Authentication required"),
  FORBIDDEN("BB-1007", 403, "Keine Berechtigung", "Forbidden"),
  PAYLOAD_TOO_LARGE("BB-1008", 413, "Datei oder Anfrage zu groß", "Payload too large"),
  ILLEGAL_TRANSITION(
      "BB-1009", 409, "Statuswechsel nicht zulässig", "Status transition not allowed"),
  TRUST_LEVEL_TOO_LOW(
      "BB-1010", 403, "Höheres Vertrauensniveau erforderlich", "Higher trust level required"),
  CONFLICT("BB-1011", 409, "Konflikt", "Conflict"),
  NOT_ACCEPTABLE("BB-1012", 406, "Antwortformat nicht verfügbar", "Not acceptable"),
  CSRF_TOKEN_INVALID(
      "BB-1013", 403, "Sicherheitstoken fehlt oder ist ungültig", "CSRF token missing or invalid"),
  LOGIN_REFUSED("BB-1014", 401, "Anmeldung abgelehnt", "Login refused"),
  DOCUMENT_STORE_UNAVAILABLE(
      "BB-1020", 503, "Dokumentenablage nicht erreichbar", "Document store unavailable"),
  DOCUMENT_STORE_REFUSED(
      "BB-1021", 502, "Dokumentenablage hat abgelehnt", "Document store refused the request"),
  DOCUMENT_REJECTED("BB-1022", 400, "Dokument ungültig", "Document rejected"),
  NO_SUCH_DOCUMENT("BB-1023", 404, "Dokument nicht gefunden", "No such document"),
  NO_SUCH_OUTBOX_ENTRY("BB-1030", 404, "Zustellauftrag nicht gefunden", "No such outbox entry"),
  MIGRATION_FAILED("BB-1040", 500, "Datenbankmigration fehlgeschlagen", "Schema migration failed"),
  CONFIGURATION_INVALID("BB-1050", 500, "Konfiguration ungültig", "Invalid configuration"),
  FORM_SERVER_UNAVAILABLE(
      "BB-1060", 503, "Formularserver nicht erreichbar", "Form server unavailable"),
  FORM_SERVER_REFUSED("BB-1061", 502, "Formularserver verweigert", "Form server refused"),
  FORM_SUBMISSION_MALFORMED(
      "BB-1062", 422, "Formulareinreichung fehlerhaft", "Form submission malformed"),
  DELIVERY_UNAVAILABLE(
      "BB-1070", 503, "Zustellkanal nicht erreichbar", "Delivery channel unavailable"),
  DELIVERY_REFUSED("BB-1071", 502, "Zustellkanal hat abgelehnt", "Delivery channel refused"),
  DELIVERY_REJECTED("BB-1072", 422, "Zustellung nicht möglich", "Delivery not possible");

  private final Descriptor descriptor;

  KernelError(String code, int httpStatus, String titleDe, String titleEn) {
    this.descriptor = new Descriptor(code, httpStatus, titleDe, titleEn);
  }

  @Override
  public Descriptor descriptor() {
    return descriptor;
  }
}
