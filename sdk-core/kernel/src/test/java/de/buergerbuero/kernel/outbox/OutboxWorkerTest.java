package de.buergerbuero.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest {

  /** An in-memory outbox table with the repository's contract. */
  static final class MemoryRepository extends OutboxRepository {
    static final class Row {
      final OutboxMessage message;
      OutboxState state = OutboxState.PENDING;
      int attempts;
      Instant next;
      String error;

      Row(OutboxMessage message, Instant next) {
        this.message = message;
        this.next = next;
      }
    }

    final Map<String, Row> rows = new LinkedHashMap<>();
    final List<String> afterDelivery = new ArrayList<>();

    void add(String id, String type, Instant now) {
      rows.put(id, new Row(new OutboxMessage(id, type, "key-" + id, id, 1), now));
    }

    /** Attempts are counted at claim, as the SQL of the repository does. */
    @Override
    public List<OutboxMessage> claimDue(String owner, Instant now, Duration lease, int limit) {
      return rows.values().stream()
          .filter(r -> r.state == OutboxState.PENDING && !r.next.isAfter(now))
          .limit(limit)
          .map(
              r ->
                  new OutboxMessage(
                      r.message.id(),
                      r.message.type(),
                      r.message.idempotencyKey(),
                      r.message.payload(),
                      ++r.attempts))
          .toList();
    }

    public int giveUpAbandoned(Instant now, int maxAttempts) {
      return 0;
    }

    @Override
    public void markDelivered(
        OutboxMessage m, String owner, String result, Instant now, OutboxHandler handler) {
      handler.afterDelivery(m, result);
      afterDelivery.add(m.id());
      Row r = rows.get(m.id());
      r.state = OutboxState.DELIVERED;
    }

    @Override
    public boolean markAttemptFailed(
        String id, String owner, String error, Optional<Instant> next) {
      Row r = rows.get(id);
      r.error = error;
      if (next.isEmpty()) {
        r.state = OutboxState.FAILED;
      } else {
        r.next = next.get();
      }
      return true;
    }
  }

  /** A clock the test moves forward. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  @DisplayName(
      "a poison entry ends FAILED after the configured attempts and never blocks the others")
  void poisonEntries() {
    ManualClock clock = new ManualClock();
    MemoryRepository repo = new MemoryRepository();
    for (int i = 1; i <= 5; i++) {
      repo.add("good-" + i, "dms", clock.now);
    }
    repo.add("refused", "dms", clock.now);
    repo.add("flaky", "dms", clock.now);
    repo.add("orphan", "unknown-type", clock.now);

    OutboxHandler handler =
        new OutboxHandler() {
          @Override
          public String type() {
            return "dms";
          }

          @Override
          public String deliver(OutboxMessage m) {
            return switch (m.id()) {
              case "refused" -> throw DocumentStoreException.refused("DMS says no", null);
              case "flaky" -> throw DocumentStoreException.unavailable("DMS down", null);
              default -> "dms-" + m.id();
            };
          }
        };

    OutboxWorker worker = new OutboxWorker();
    worker.repository = repo;
    worker.clock = clock;
    worker.metrics = new OutboxMetrics();
    worker.initialDelayMs = 1000;
    worker.maxDelayMs = 60_000;
    worker.maxAttempts = 3;
    worker.batchSize = 20;
    worker.parallelism = 1;
    worker.leaseSeconds = 60;
    worker.configure(List.of(handler));

    worker.pollOnce();
    for (int i = 1; i <= 5; i++) {
      assertThat(repo.rows.get("good-" + i).state).isEqualTo(OutboxState.DELIVERED);
    }
    assertThat(repo.afterDelivery)
        .containsExactly("good-1", "good-2", "good-3", "good-4", "good-5");
    assertThat(repo.rows.get("refused").state)
        .as("a refusal is permanent")
        .isEqualTo(OutboxState.FAILED);
    assertThat(repo.rows.get("refused").attempts).isEqualTo(1);
    assertThat(repo.rows.get("refused").error).contains("DMS says no");
    assertThat(repo.rows.get("orphan").state)
        .as("no handler: failed, visible")
        .isEqualTo(OutboxState.FAILED);
    assertThat(repo.rows.get("flaky").state).isEqualTo(OutboxState.PENDING);

    // not due yet: the back-off holds the flaky entry back
    assertThat(worker.pollOnce()).isZero();
    for (int i = 0; i < 5; i++) {
      clock.now = clock.now.plusSeconds(120);
      worker.pollOnce();
    }
    assertThat(repo.rows.get("flaky").state).isEqualTo(OutboxState.FAILED);
    assertThat(repo.rows.get("flaky").attempts).as("exactly max-attempts").isEqualTo(3);

    // paused: nothing is claimed
    repo.add("later", "dms", clock.now);
    worker.pause();
    assertThat(worker.pollOnce()).isZero();
    worker.resume();
    assertThat(worker.pollOnce()).isEqualTo(1);
    assertThat(repo.rows.get("later").state).isEqualTo(OutboxState.DELIVERED);
  }

  @Test
  @DisplayName(
      "an Error thrown by a handler is a failed attempt of that entry; the batch and the worker go"
          + " on")
  void errorInHandler() {
    ManualClock clock = new ManualClock();
    MemoryRepository repo = new MemoryRepository();
    repo.add("linkage", "dms", clock.now);
    repo.add("good", "dms", clock.now);
    OutboxHandler handler =
        new OutboxHandler() {
          @Override
          public String type() {
            return "dms";
          }

          @Override
          public String deliver(OutboxMessage m) {
            if (m.id().equals("linkage")) {
              throw new NoClassDefFoundError("com/vendor/Missing");
            }
            return "dms-" + m.id();
          }
        };
    OutboxWorker worker = new OutboxWorker();
    worker.repository = repo;
    worker.clock = clock;
    worker.metrics = new OutboxMetrics();
    worker.initialDelayMs = 1000;
    worker.maxDelayMs = 60_000;
    worker.maxAttempts = 3;
    worker.batchSize = 20;
    worker.parallelism = 1;
    worker.leaseSeconds = 60;
    worker.configure(List.of(handler));

    assertThat(worker.pollOnce()).isEqualTo(2);
    assertThat(repo.rows.get("good").state).isEqualTo(OutboxState.DELIVERED);
    assertThat(repo.rows.get("linkage").state).isEqualTo(OutboxState.PENDING);
    assertThat(repo.rows.get("linkage").error).contains("NoClassDefFoundError");
    assertThat(repo.rows.get("linkage").attempts).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      clock.now = clock.now.plusSeconds(120);
      worker.pollOnce();
    }
    assertThat(repo.rows.get("linkage").state).isEqualTo(OutboxState.FAILED);
    assertThat(repo.rows.get("linkage").attempts).isEqualTo(3);
  }
}
