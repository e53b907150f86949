package de.buergerbuero.connector.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Value forms of the decrypted FIT-Connect metadata (issue 22). Written from the metadata schema's
 * documented forms (schema.fitko.de/fit-connect/metadata/1.x, EUPL); no published instance copied.
 */
@DisplayName("FIT-Connect metadata value forms")
class FitConnectValueFormsTest {
  static final Instant FETCHED = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  @DisplayName("submissionDate as date-time with offset, with fraction, without offset, or a date")
  void submissionDate() {
    assertThat(FitConnectConnector.submittedAt("2026-11-27T10:15:30+01:00", FETCHED))
        .isEqualTo(Instant.parse("2026-11-27T09:15:30Z"));
    assertThat(FitConnectConnector.submittedAt("2026-11-27T09:15:30.123Z", FETCHED))
        .isEqualTo(Instant.parse("2026-11-27T09:15:30.123Z"));
    assertThat(FitConnectConnector.submittedAt("2026-07-01T10:00:00", FETCHED))
        .as("no offset: German local time")
        .isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
    assertThat(FitConnectConnector.submittedAt(" 2026-11-27 ", FETCHED))
        .isEqualTo(Instant.parse("2026-11-26T23:00:00Z"));
    assertThat(FitConnectConnector.submittedAt("27.11.2026", FETCHED)).isEqualTo(FETCHED);
    assertThat(FitConnectConnector.submittedAt(null, FETCHED)).isEqualTo(FETCHED);
  }
}
