package de.buergerbuero.applications;

import de.buergerbuero.kernel.error.ErrorCode;

/** Error codes of the service portal: range BB-2000 to BB-2999. */
public enum ApplicationsError implements ErrorCode {
  UNKNOWN_SERVICE("BB-2001", 404, "Dienst nicht gefunden", "Unknown service"),
  FORM_DATA_INVALID("BB-2002", 422, "Formulardaten ungültig", "Form data invalid"),
  ATTACHMENT_NAME_UNSAFE("BB-2003", 400, "Dateiname nicht zulässig", "Attachment name not allowed"),
  ATTACHMENT_TOO_LARGE("BB-2004", 413, "Anhang zu groß", "Attachment too large"),
  APPLICATION_NOT_FOUND("BB-2005", 404, "Antrag nicht gefunden", "Application not found"),
  WITHDRAWAL_NOT_POSSIBLE(
      "BB-2006", 409, "Rücknahme nicht mehr möglich", "Application can no longer be withdrawn"),
  APPLICANT_KIND_NOT_ACCEPTED(
      "BB-2007",
      403,
      "Dieser Dienst ist für Sie nicht vorgesehen",
      "Service not offered to this kind of applicant"),
  TOO_MANY_ATTACHMENTS("BB-2008", 400, "Zu viele Anhänge", "Too many attachments"),
  REQUEST_TOO_LARGE("BB-2009", 413, "Anfrage zu groß", "Request too large"),
  ATTACHMENT_NOT_FOUND("BB-2010", 404, "Anhang nicht gefunden", "Attachment not found"),
  CATALOGUE_INVALID("BB-2011", 500, "Dienstkatalog fehlerhaft", "Service catalogue invalid"),
  ATTACHMENT_TYPE_MISMATCH(
      "BB-2012",
      415,
      "Inhalt der Anlage passt nicht zum Typ",
      "Attachment content does not match its type"),
  ATTACHMENT_TYPE_NOT_ACCEPTED(
      "BB-2013",
      415,
      "Dateityp für diesen Dienst nicht zulässig",
      "Attachment type not accepted by this service"),
  ATTACHMENTS_TOO_LARGE(
      "BB-2014", 413, "Anlagen zusammen zu groß", "Attachments together too large"),
  DECISION_NOT_FOUND("BB-2015", 404, "Bescheid nicht gefunden", "Decision notice not found"),
  DECISION_TEMPLATES_INVALID(
      "BB-2016", 500, "Bescheidvorlagen fehlerhaft", "Decision templates invalid"),
  DECISION_ALREADY_ISSUED(
      "BB-2017", 409, "Bescheid bereits erlassen", "Decision notice already issued"),
  NO_OPEN_QUERY("BB-2018", 409, "Keine Rückfrage offen", "No open query to answer"),
  PRINT_JOB_NOT_OPEN(
      "BB-2019", 409, "Brief nicht in der Druckwarteschlange", "Letter not in the print queue"),
  NO_POSTBOX("BB-2020", 409, "Kein BundID-Postfach", "No BundID postbox");

  private final Descriptor descriptor;

  ApplicationsError(String code, int httpStatus, String titleDe, String titleEn) {
    this.descriptor = new Descriptor(code, httpStatus, titleDe, titleEn);
  }

  @Override
  public Descriptor descriptor() {
    return descriptor;
  }
}
