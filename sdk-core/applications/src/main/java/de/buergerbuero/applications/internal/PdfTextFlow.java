package de.buergerbuero.applications.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes lines of text top to bottom on A4 pages, wrapping long lines and adding pages as needed.
 * Shared by the receipt and the Bescheid. Characters the font cannot show become '?'.
 */
public final class PdfTextFlow implements AutoCloseable {
  public static final float MARGIN = 56;
  private static final float LEADING = 14;

  private final PDDocument doc;
  private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private PDPageContentStream out;
  private float y;

  public PdfTextFlow(PDDocument doc) throws IOException {
    this.doc = doc;
    newPage();
  }

  /** A bold label line and its value indented below. */
  public void pair(PDFont bold, PDFont regular, String label, String value) throws IOException {
    line(bold, 10, label + ":");
    line(regular, 10, "    " + value);
  }

  /** Half a line of space. */
  public void gap() {
    y -= LEADING / 2;
  }

  /** Continues on a new page unless at least {@code points} are left on this one. */
  public void keep(float points) throws IOException {
    if (y - points < MARGIN) {
      newPage();
    }
  }

  public void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  /** Writes a line (several when it is wider than the page); line breaks in the text are kept. */
  public void line(PDFont font, float size, String text) throws IOException {
    for (String paragraphLine : text.split("\\R", -1)) {
      String safe = encodable(font, paragraphLine);
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
  }

  /** Greedy word wrap; each word is measured once (long texts stay linear). */
  private List<String> wrap(PDFont font, float size, String text) throws IOException {
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

  private static String encodable(PDFont font, String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp); // ASCII: in every font used here
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

  @Override
  public void close() throws IOException {
    out.close();
  }
}
