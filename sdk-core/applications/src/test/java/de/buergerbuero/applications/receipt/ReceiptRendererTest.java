package de.buergerbuero.applications.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.applications.intake.ReceiptData;
import de.buergerbuero.applications.intake.SafeJson;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReceiptRendererTest {

  @Test
  @DisplayName("the receipt PDF names reference, service, date, the data and the attachments")
  void rendersReceipt() throws Exception {
    String longText = "Sehr langer Text über Möbelstücke ".repeat(40);
    ReceiptData data =
        new ReceiptData(
            "MS-2026-000123",
            "Sperrmüllabholung",
            "99070001000000",
            "Anna Muster",
            ZonedDateTime.parse("2026-11-27T11:05:00+01:00[Europe/Berlin]"),
            "SUBMITTED",
            SafeJson.read(
                "{\"items\":[\"Sofa\",\"Schrank\"],\"note\":\""
                    + longText
                    + "\",\"emoji\":\"🙂 漢字\"}"),
            List.of("Foto.jpg (5 Byte)"));
    byte[] pdf = new ReceiptRenderer("Stadt Musterstadt").render(data);
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "Stadt Musterstadt", "MS-2026-000123", "Sperrmüllabholung", "27.11.2026, 11:05 Uhr")
          .contains("items[1]: Sofa", "items[2]: Schrank", "Foto.jpg (5 Byte)", "emoji: ?");
      assertThat(doc.getDocumentInformation().getTitle()).contains("MS-2026-000123");
    }
  }
}
