package de.buergerbuero.applications.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.intake.ReceiptData;
import de.buergerbuero.applications.internal.PdfTextFlow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders the receipt (Eingangsbestätigung) of an application as PDF with PDFBox: reference,
 * service, date, the submitted data and the attachments. Uses the standard Helvetica font;
 * characters it cannot show are replaced by '?'.
 */
public final class ReceiptRenderer {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");

  /**
   * The two standard fonts, built once per thread: building a PDType1Font parses its metrics and
   * encoding, which cost about as much as the rest of a receipt. Standard 14 fonts are not
   * embedded, so one instance can serve many documents.
   */
  private static final ThreadLocal<PDType1Font> REGULAR =
      ThreadLocal.withInitial(() -> new PDType1Font(Standard14Fonts.FontName.HELVETICA));

  private static final ThreadLocal<PDType1Font> BOLD =
      ThreadLocal.withInitial(() -> new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));

  private final String municipality;

  public ReceiptRenderer(String municipality) {
    this.municipality = municipality;
  }

  public byte[] render(ReceiptData data) {
    PDType1Font regular = REGULAR.get();
    PDType1Font bold = BOLD.get();
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Eingangsbestätigung " + data.reference());
      info.setCreator("Bürgerbüro SDK");
      PdfTextFlow w = new PdfTextFlow(doc);
      w.line(bold, 16, municipality);
      w.line(bold, 14, "Eingangsbestätigung / Receipt");
      w.gap();
      w.pair(bold, regular, "Aktenzeichen / Reference", data.reference());
      w.pair(
          bold,
          regular,
          "Leistung / Service",
          data.serviceName() + " (LeiKa " + data.leikaKey() + ")");
      w.pair(bold, regular, "Antragsteller/in / Applicant", data.applicantName());
      w.pair(bold, regular, "Eingegangen am / Received", DATE.format(data.submittedAt()));
      w.pair(bold, regular, "Status", data.status());
      w.gap();
      w.line(bold, 12, "Ihre Angaben / Your data");
      List<String> lines = new ArrayList<>();
      flatten("", data.formData(), lines);
      for (String l : lines) {
        w.line(regular, 10, l);
      }
      if (!data.attachments().isEmpty()) {
        w.gap();
        w.line(bold, 12, "Anlagen / Attachments");
        for (String a : data.attachments()) {
          w.line(regular, 10, "• " + a);
        }
      }
      w.gap();
      w.line(
          regular,
          9,
          "Diese Bestätigung wurde maschinell erstellt und ist ohne Unterschrift gültig.");
      w.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void flatten(String prefix, JsonNode node, List<String> out) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        var e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + (i + 1) + "]", node.get(i), out);
      }
    } else {
      out.add(prefix + ": " + (node.isNull() ? "" : node.asText()));
    }
  }
}
