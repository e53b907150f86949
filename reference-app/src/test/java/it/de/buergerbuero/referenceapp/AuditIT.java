package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The audit log")
class AuditIT {
  @Test
  @DisplayName("after submissions, reads and status changes the hash chain verifies intact")
  void chainIntact() {
    String id = submit("anna", "bewohnerparkausweis", PARKING).getString("id");
    get("/api/v1/staff/applications/" + id, "clerk-ordnung");
    JsonObject v = object(get("/api/v1/admin/audit/verification", "admin"));
    assertThat(v.getBoolean("intact")).as(v.toString()).isTrue();
    assertThat(v.getJsonNumber("entriesChecked").longValue()).isGreaterThanOrEqualTo(2);
  }
}
