package de.buergerbuero.appointments;

import de.buergerbuero.kernel.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;

/** An outbox that keeps its entries and, like the table, refuses a second idempotency key. */
class RecordingOutbox extends Outbox {
  final Map<String, String> byKey = new LinkedHashMap<>();

  @Override
  public String enqueue(String type, String idempotencyKey, String payload) {
    if (byKey.containsKey(idempotencyKey)) {
      throw new IllegalStateException("unique key violated: " + idempotencyKey);
    }
    byKey.put(idempotencyKey, payload);
    return idempotencyKey;
  }
}
