package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.appointments.AppointmentsError.AppointmentException;
import de.buergerbuero.kernel.error.AccessDeniedException;
import de.buergerbuero.kernel.security.Caller.StaffCaller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BookingRulesTest {
  static final Instant MONDAY_0800 = Instant.parse("2026-12-07T07:00:00Z");
  static final Instant MONDAY_0820 = Instant.parse("2026-12-07T07:20:00Z");
  static final Instant MONDAY_0840 = Instant.parse("2026-12-07T07:40:00Z");
  static final StaffCaller ORDNUNG = new StaffCaller("olga", "Olga", Set.of("ordnungsamt"), false);
  static final StaffCaller GEWERBE = new StaffCaller("gero", "Gero", Set.of("gewerbe"), true);

  static void assertCode(Throwable e, AppointmentsError code) {
    assertThat(e).isInstanceOf(AppointmentException.class);
    assertThat(((AppointmentException) e).errorCode()).isEqualTo(code);
  }

  private static Holds.Hold hold(Harness h, Instant start) {
    return h.holds.hold("l", "pass", start, UUID.randomUUID().toString());
  }

  @Test
  @DisplayName("a moved appointment gets its second reminder; moving back is no server error")
  void remindersOfMovedAppointments() {
    Harness h = new Harness(true);
    var hold = hold(h, MONDAY_0820);
    String id = hold.appointment().id();
    h.confirmations.confirm(id, hold.holdToken(), "Erika", "erika@example.de");
    String token = h.confirmations.verify(id, h.service.verifyToken(id)).cancelToken();
    assertThat(h.maintenance.queueReminders()).isEqualTo(1);
    h.changes.reschedule(id, token, MONDAY_0840);
    assertThat(h.maintenance.queueReminders()).isEqualTo(1);
    h.changes.reschedule(id, token, MONDAY_0820);
    assertThat(h.maintenance.queueReminders()).isEqualTo(1);
    assertThat(h.outbox.byKey.values()).filteredOn(p -> p.startsWith("reminder:")).hasSize(3);
    assertThat(h.outbox.byKey.values()).filteredOn(p -> p.startsWith("rescheduled:")).hasSize(2);
  }

  @Test
  @DisplayName("the appointment id alone neither confirms nor yields a cancel token")
  void secondConfirmGivesNoToken() {
    Harness h = new Harness(false);
    var hold = hold(h, MONDAY_0800);
    String id = hold.appointment().id();
    assertCode(
        catchThrowable(() -> h.confirmations.confirm(id, null, "Mallory", "m@example.de")),
        AppointmentsError.APPOINTMENT_NOT_FOUND);
    assertThat(h.confirmations.confirm(id, hold.holdToken(), "Erika", "e@example.de").cancelToken())
        .isNotNull();
    assertCode(
        catchThrowable(
            () -> h.confirmations.confirm(id, hold.holdToken(), "Mallory", "m@example.de")),
        AppointmentsError.ALREADY_CONFIRMED);
    assertCode(
        catchThrowable(() -> h.changes.cancel(id, hold.holdToken())),
        AppointmentsError.APPOINTMENT_NOT_FOUND);
  }

  @Test
  @DisplayName("a future appointment cannot be marked as no-show")
  void noShowOnlyAfterTheStart() {
    Harness h = new Harness(false);
    var hold = hold(h, MONDAY_0800);
    String id = hold.appointment().id();
    h.confirmations.confirm(id, hold.holdToken(), "Erika", "erika@example.de");
    assertCode(
        catchThrowable(() -> h.staff.markNoShow(ORDNUNG, id)), AppointmentsError.NOT_STARTED_YET);
    h.now = MONDAY_0800.plusSeconds(60);
    assertCode(
        catchThrowable(() -> h.staff.markNoShow(GEWERBE, id)),
        AppointmentsError.APPOINTMENT_NOT_FOUND);
    assertThat(h.staff.markNoShow(ORDNUNG, id).status()).isEqualTo("NO_SHOW");
  }

  @Test
  @DisplayName(
      "the day view is for the location's department only, and each contact read is audited")
  void staffScopeAndAudit() {
    Harness h = new Harness(false);
    var hold = hold(h, MONDAY_0800);
    String id = hold.appointment().id();
    h.confirmations.confirm(id, hold.holdToken(), "Erika", "erika@example.de");
    LocalDate monday = LocalDate.of(2026, 12, 7);
    assertThatThrownBy(() -> h.staff.day(GEWERBE, "l", monday))
        .as("another department, even as admin")
        .isInstanceOf(AccessDeniedException.class);
    assertThat(h.audit).isEmpty();
    assertThat(h.staff.day(ORDNUNG, "l", monday))
        .extracting(Appointment::contactName)
        .containsExactly("Erika");
    assertThat(h.audit).containsExactly("staff:olga APPOINTMENT_CONTACT_READ appointment:" + id);
  }

  @Test
  @DisplayName("a contact name with line breaks or control characters is refused")
  void nameWithoutControlCharacters() {
    Harness h = new Harness(false);
    for (String name :
        new String[] {"Erika\r\nBcc: x@evil.example", "Erika\u0000", "Er\u202Eika"}) {
      var hold = hold(h, MONDAY_0800);
      assertCode(
          catchThrowable(
              () ->
                  h.confirmations.confirm(
                      hold.appointment().id(), hold.holdToken(), name, "erika@example.de")),
          AppointmentsError.INVALID_CONTACT);
      h.store.rows.clear();
      h.store.slots.clear();
      h.service.ensureSlots();
    }
    assertThat(ContactData.printableOrSpace("Erika\r\nBcc: x")).isEqualTo("Erika  Bcc: x");
  }

  @Test
  @DisplayName(
      "plus-addresses, Gmail dots and case count as one address for the open-bookings limit")
  void normalisedOpenBookingsLimit() {
    Harness h = new Harness(false);
    String[] addresses = {
      "erika.muster@gmail.com", "ErikaMuster+2@googlemail.com", "e.r.i.k.a.muster+x@GMAIL.com"
    };
    Instant start = MONDAY_0800;
    for (String address : addresses) {
      var hold = hold(h, start);
      h.confirmations.confirm(hold.appointment().id(), hold.holdToken(), "Erika", address);
      start = start.plusSeconds(600);
    }
    var fourth = hold(h, start);
    assertCode(
        catchThrowable(
            () ->
                h.confirmations.confirm(
                    fourth.appointment().id(),
                    fourth.holdToken(),
                    "Erika",
                    "erikamuster+4@gmail.com")),
        AppointmentsError.TOO_MANY_OPEN_BOOKINGS);
  }

  @Test
  @DisplayName(
      "with e-mail, confirming only asks the address: the mailed link confirms, unverified times"
          + " expire")
  void doubleOptIn() {
    Harness h = new Harness(true);
    var hold = hold(h, MONDAY_0800);
    String id = hold.appointment().id();
    var pending = h.confirmations.confirm(id, hold.holdToken(), "Erika", "erika@example.de");
    assertThat(pending.pending()).isTrue();
    assertThat(pending.cancelToken()).isNull();
    assertThat(h.outbox.byKey.values()).containsExactly("verify:" + id);
    assertCode(
        catchThrowable(() -> h.confirmations.verify(id, "forged")),
        AppointmentsError.APPOINTMENT_NOT_FOUND);
    var confirmed = h.confirmations.verify(id, h.service.verifyToken(id));
    assertThat(confirmed.appointment().status()).isEqualTo("CONFIRMED");
    assertThat(confirmed.cancelToken()).isEqualTo(h.service.cancelToken(id));
    assertThat(h.outbox.byKey.values()).contains("confirmed:" + id);

    var other = hold(h, MONDAY_0820);
    h.confirmations.confirm(other.appointment().id(), other.holdToken(), "X", "x@example.de");
    h.now = h.now.plusSeconds(31 * 60);
    assertThat(h.maintenance.expireHolds()).isEqualTo(1);
    assertThat(h.store.byId(other.appointment().id()).orElseThrow().status()).isEqualTo("EXPIRED");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected an exception");
  }
}
