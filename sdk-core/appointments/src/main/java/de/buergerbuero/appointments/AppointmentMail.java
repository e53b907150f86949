package de.buergerbuero.appointments;

import de.buergerbuero.appointments.Locations.Location;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.outbox.OutboxHandler;
import de.buergerbuero.kernel.outbox.OutboxMessage;
import de.buergerbuero.kernel.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends appointment e-mails through the outbox (type {@value #TYPE}): confirmation and reminder
 * with an ICS invitation, cancellation with an ICS cancel. Payload {@code <kind>:<appointment id>};
 * the mail is built at delivery time from the stored appointment, so nothing personal sits in the
 * outbox. The Jakarta Mail session is looked up by JNDI ({@code buergerbuero.mail.session}, default
 * {@code mail/buergerbuero}; Liberty's {@code mailSession}). An unreachable SMTP server throws, and
 * the outbox retries with back-off.
 */
@ApplicationScoped
public class AppointmentMail implements OutboxHandler {
  public static final String TYPE = "appointments.mail";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, dd.MM.yyyy", Locale.GERMAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  @Inject AppointmentStore store;
  @Inject AppointmentService appointments;
  @Inject Transactions tx;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "buergerbuero.mail.session", defaultValue = "mail/buergerbuero")
  String sessionName;

  @Inject
  @ConfigProperty(name = "buergerbuero.mail.from", defaultValue = "buergerbuero@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "buergerbuero.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String deliver(OutboxMessage message) {
    String[] parts = message.payload().split(":", 2);
    String kind = parts[0];
    Appointment a =
        tx.required(() -> store.byId(parts[1]))
            .orElseThrow(() -> new IllegalStateException("appointment gone: " + parts[1]));
    if (a.contactEmail() == null) {
      return "no-address";
    }
    if ("reminder".equals(kind) && !"CONFIRMED".equals(a.status())) {
      return "not-confirmed";
    }
    if ("verify".equals(kind) && !"PENDING".equals(a.status())) {
      return "not-pending";
    }
    try {
      Session session = (Session) new InitialContext().lookup(sessionName);
      MimeMessage mail = build(session, kind, a);
      Transport.send(mail);
      return mail.getMessageID() == null ? "sent" : mail.getMessageID();
    } catch (NamingException e) {
      throw new ConfigurationException("buergerbuero.mail.session: no mail session " + sessionName);
    } catch (MessagingException e) {
      throw new IllegalStateException("SMTP: " + e.getClass().getSimpleName(), e);
    }
  }

  MimeMessage build(Session session, String kind, Appointment a) throws MessagingException {
    Locations config = appointments.locations();
    Location location = config.location(a.locationId());
    String service = config.service(location, a.serviceId()).name();
    ZonedDateTime start = a.start().atZone(location.zone());
    ZonedDateTime end = start.plus(config.slot().multipliedBy(a.slotCount()));
    String when = DAY.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end) + " Uhr";
    String where = location.name() + (location.room() == null ? "" : ", Raum " + location.room());
    String route = location.room() == null ? null : publicUrl + "/r/" + location.room();
    String cancel =
        publicUrl + "/termin/absagen?id=" + a.id() + "&token=" + appointments.cancelToken(a.id());
    String verify =
        publicUrl
            + "/termin/bestaetigen?id="
            + a.id()
            + "&token="
            + appointments.verifyToken(a.id());
    boolean cancelled = "cancelled".equals(kind);
    boolean pending = "verify".equals(kind);
    String subjectDe =
        switch (kind) {
          case "cancelled" -> "Termin abgesagt";
          case "reminder" -> "Erinnerung an Ihren Termin";
          case "rescheduled" -> "Termin verlegt";
          case "verify" -> "Bitte bestätigen Sie Ihren Termin";
          default -> "Terminbestätigung";
        };
    String subjectEn =
        switch (kind) {
          case "cancelled" -> "Appointment cancelled";
          case "reminder" -> "Appointment reminder";
          case "rescheduled" -> "Appointment moved";
          case "verify" -> "Please confirm your appointment";
          default -> "Appointment confirmed";
        };
    StringBuilder text = new StringBuilder();
    // validated on input; replaced again here for rows stored before that check
    text.append("Guten Tag ").append(ContactData.printableOrSpace(a.contactName())).append(",\n\n");
    text.append(
        cancelled
            ? "Ihr Termin ist abgesagt.\n"
            : switch (kind) {
              case "reminder" -> "Wir erinnern Sie an Ihren Termin.\n";
              case "rescheduled" -> "Ihr Termin ist verlegt. Es gilt die neue Zeit.\n";
              case "verify" ->
                  "Bitte bestätigen Sie Ihre Buchung innerhalb der Reservierungszeit über diesen"
                      + " Link:\n"
                      + verify
                      + "\nWenn Sie nichts gebucht haben, ignorieren Sie diese Nachricht.\n";
              default -> "Ihr Termin ist bestätigt.\n";
            });
    text.append("Dienstleistung: ").append(service).append('\n');
    text.append("Wann: ").append(when).append('\n');
    text.append("Wo: ").append(where).append('\n');
    if (!cancelled) {
      if (route != null) {
        text.append("Ihr Weg vom Haupteingang: ").append(route).append('\n');
      }
      if (!pending) {
        text.append("Absagen: ").append(cancel).append('\n');
      }
    }
    text.append("\n--\n").append(subjectEn).append(": ").append(service).append(", ");
    text.append(start.toLocalDate()).append(' ').append(TIME.format(start)).append('\n');
    if (pending) {
      text.append("Please confirm your booking: ").append(verify).append('\n');
    }
    if (!cancelled && route != null) {
      text.append("Your way from the main entrance: ").append(route).append("?lang=en\n");
    }
    text.append("\nStadtverwaltung – diese Nachricht wurde automatisch erstellt.\n");

    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(a.contactEmail()));
    mail.setSubject(subjectDe + " / " + subjectEn + ": " + service + ", " + when, "UTF-8");
    mail.setSentDate(java.util.Date.from(clock.instant()));
    MimeBodyPart body = new MimeBodyPart();
    body.setText(text.toString(), "UTF-8");
    MimeBodyPart invitation = new MimeBodyPart();
    String ics =
        IcsCalendar.event(
            a.id() + "@buergerbuero",
            cancelled,
            "confirmed".equals(kind)
                ? 0
                : (int) (clock.instant().getEpochSecond() / 60 % 1_000_000_000),
            a.start(),
            end.toInstant(),
            clock.instant(),
            service,
            where,
            route == null ? service : service + " – Weg: " + route,
            route);
    invitation.setContent(
        ics, "text/calendar; charset=UTF-8; method=" + (cancelled ? "CANCEL" : "PUBLISH"));
    invitation.setFileName(cancelled ? "absage.ics" : "termin.ics");
    MimeMultipart multipart = new MimeMultipart("mixed");
    multipart.addBodyPart(body);
    if (!pending) {
      multipart.addBodyPart(invitation);
    }
    mail.setContent(multipart);
    mail.saveChanges();
    return mail;
  }

  /** How long before an appointment the reminder goes out. */
  static final Duration REMINDER_BEFORE = Duration.ofHours(24);
}
