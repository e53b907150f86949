package de.buergerbuero.applications.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.applications.intake.ReceiptData;
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
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders the receipt (Eingangsbestätigung) of an application as PDF with PDFBox: reference,
 * service, date, the submitted data and the attachments. Uses the standard Helvetica font;
 * characters it cannot show are replaced by '?'.
 */
public final class ReceiptRenderer {
  private static final float MARGIN = 56;
  private static final float LEADING = 14;
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
      Writer w = new Writer(doc, regular, bold);
      w.line(bold, 16, municipality);
      w.line(bold, 14, "Eingangsbestätigung / Receipt");
      w.gap();
      w.pair("Aktenzeichen / Reference", data.reference());
      w.pair("Leistung / Service", data.serviceName() + " (LeiKa " + data.leikaKey() + ")");
      w.pair("Antragsteller/in / Applicant", data.applicantName());
      w.pair("Eingegangen am / Received", DATE.format(data.submittedAt()));
      w.pair("Status", data.status());
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

  /** Writes lines top to bottom, wrapping long ones and adding pages as needed. */
  private static final class Writer {
    private final PDDocument doc;
    private final PDType1Font regular;
    private final PDType1Font bold;
    private PDPageContentStream out;
    private float y;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

    Writer(PDDocument doc, PDType1Font regular, PDType1Font bold) throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      newPage();
    }

    void pair(String label, String value) throws IOException {
      line(bold, 10, label + ":");
      line(regular, 10, "    " + value);
    }

    void gap() {
      y -= LEADING / 2;
    }

    void line(PDType1Font font, float size, String text) throws IOException {
      String safe = encodable(font, text);
      for (String part : wrap(font, size, safe)) {
        if (y < MARGIN) {
          newPage();
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(part);
        out.endText();
        y -= Math.max(LEADING, size + 4);
      }
    }

    /** Greedy word wrap; each word is measured once (long texts stay linear). */
    private List<String> wrap(PDType1Font font, float size, String text) throws IOException {
      float max = width * 1000 / size;
      float space = font.getStringWidth(" ");
      float indent = font.getStringWidth("    ");
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      float used = 0;
      for (String word : text.split(" ", -1)) {
        float w = font.getStringWidth(word);
        if (line.length() > 0 && used + space + w > max) {
          lines.add(line.toString());
          line.setLength(0);
          line.append("    ");
          used = indent;
        } else if (line.length() > 0) {
          line.append(' ');
          used += space;
        }
        while (w > max - used && word.length() > 1) { // a word longer than a line: cut it
          int cut = Math.max(1, (int) (word.length() * (max - used) / w));
          line.append(word, 0, cut);
          lines.add(line.toString());
          word = word.substring(cut);
          w = font.getStringWidth(word);
          line.setLength(0);
          line.append("    ");
          used = indent;
        }
        line.append(word);
        used += w;
      }
      lines.add(line.toString());
      return lines;
    }

    private static String encodable(PDType1Font font, String text) {
      StringBuilder sb = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                if (cp >= 0x20 && cp < 0x7f) {
                  sb.append((char) cp); // ASCII: always in WinAnsiEncoding
                  return;
                }
                String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
                try {
                  font.encode(ch);
                  sb.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                  sb.append('?');
                }
              });
      return sb.toString();
    }

    private void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      out = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      out.close();
    }
  }
}
