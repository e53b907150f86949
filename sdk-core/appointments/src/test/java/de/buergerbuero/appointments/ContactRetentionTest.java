package de.buergerbuero.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.persistence.TransactionalRunner;
import de.buergerbuero.kernel.persistence.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactRetentionTest {

  @Test
  @DisplayName("contact data of appointments older than the retention period is erased")
  void erasesContactsAfterTheRetentionPeriod() throws Exception {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    List<Instant> cutOffs = new ArrayList<>();
    AppointmentMaintenance service = new AppointmentMaintenance();
    service.store =
        new AppointmentStore() {
          @Override
          int forgetContacts(Instant before) {
            cutOffs.add(before);
            return 3;
          }
        };
    Transactions tx = new Transactions();
    var runner = Transactions.class.getDeclaredField("runner");
    runner.setAccessible(true);
    runner.set(
        tx,
        new TransactionalRunner() {
          @Override
          public <T> Outcome<T> run(Supplier<T> work) {
            return new Outcome<>(work.get(), null);
          }
        });
    service.tx = tx;
    service.clock = Clock.fixed(now, ZoneOffset.UTC);

    service.contactRetentionDays = 30;
    assertThat(service.forgetPastContacts()).isEqualTo(3);
    service.contactRetentionDays = 0; // never erase before the appointment is a day old
    service.forgetPastContacts();
    assertThat(cutOffs)
        .containsExactly(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
  }
}
