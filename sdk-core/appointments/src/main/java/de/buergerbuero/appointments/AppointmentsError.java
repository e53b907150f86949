package de.buergerbuero.appointments;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.error.ErrorCode;

/** Error codes of appointment booking: range BB-5000 to BB-5099. */
public enum AppointmentsError implements ErrorCode {
  UNKNOWN_LOCATION("BB-5001", 404, "Standort nicht gefunden", "Unknown location"),
  UNKNOWN_SERVICE("BB-5002", 404, "Dienstleistung hier nicht buchbar", "Service not offered here"),
  NOT_A_START_TIME(
      "BB-5003", 422, "Zu dieser Zeit gibt es keinen Termin", "No appointment starts at this time"),
  OUTSIDE_BOOKING_WINDOW(
      "BB-5004", 422, "Termin außerhalb des Buchungszeitraums", "Outside the booking window"),
  SLOT_TAKEN("BB-5005", 409, "Termin bereits vergeben", "Slot already taken"),
  HOLD_EXPIRED("BB-5006", 410, "Reservierung abgelaufen", "Hold expired"),
  APPOINTMENT_NOT_FOUND("BB-5007", 404, "Termin nicht gefunden", "Appointment not found"),
  TOO_MANY_OPEN_BOOKINGS(
      "BB-5008", 429, "Zu viele offene Termine", "Too many open appointments for this address"),
  INVALID_CONTACT("BB-5009", 422, "Kontaktdaten ungültig", "Invalid contact data"),
  NOT_CANCELLABLE("BB-5010", 409, "Termin kann nicht mehr storniert werden", "Cannot be cancelled"),
  TOO_MANY_SEARCHES("BB-5012", 429, "Zu viele Anfragen", "Too many searches, slow down"),
  TOO_MANY_BOOKINGS(
      "BB-5013",
      429,
      "Zu viele Buchungsversuche",
      "Too many holds or confirmations from this client"),
  NOT_STARTED_YET(
      "BB-5014", 409, "Termin hat noch nicht begonnen", "Appointment has not begun yet"),
  ALREADY_CONFIRMED(
      "BB-5015", 409, "Reservierung schon bestätigt", "Hold already confirmed or awaiting opt-in"),
  CONFIGURATION_INVALID(
      "BB-5011", 500, "Terminkonfiguration fehlerhaft", "Appointment configuration invalid");

  private final Descriptor descriptor;

  AppointmentsError(String code, int httpStatus, String titleDe, String titleEn) {
    this.descriptor = new Descriptor(code, httpStatus, titleDe, titleEn);
  }

  @Override
  public Descriptor descriptor() {
    return descriptor;
  }

  public AppointmentException with(String detail) {
    return new AppointmentException(this, detail);
  }

  /** The one exception type of this module. */
  public static final class AppointmentException extends BuergerbueroException {
    private static final long serialVersionUID = 1L;

    AppointmentException(AppointmentsError code, String detail) {
      super(code, detail);
    }
  }
}
