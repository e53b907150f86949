package de.buergerbuero.applications.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerFilingStepsTest {
  @Test
  @DisplayName(
      "an answer's document keeps its name in the DMS; a name at the limit is shortened before its"
          + " extension to fit 255 bytes, umlauts not cut in half")
  void prefixedNames() {
    assertThat(AnswerFilingSteps.prefixed("Antwort-1-", "Foto.jpg"))
        .isEqualTo("Antwort-1-Foto.jpg");
    String longName = "Ü".repeat(125) + "x.pdf"; // 255 bytes
    String dms = AnswerFilingSteps.prefixed("Antwort-12-", longName);
    assertThat(dms.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(dms).startsWith("Antwort-12-ÜÜ").endsWith("Ü.pdf").doesNotContain("\uFFFD");
  }
}
