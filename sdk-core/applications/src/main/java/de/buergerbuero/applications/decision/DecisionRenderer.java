package de.buergerbuero.applications.decision;

import de.buergerbuero.applications.internal.PdfTextFlow;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Lays out a Bescheid as PDF/A-1b: the font is embedded (Liberation Sans, which PDFBox ships), the
 * document carries XMP metadata naming its PDF/A conformance and an sRGB output intent, and nothing
 * depends on anything outside the file. Thread-safe; the font program is parsed once.
 */
public final class DecisionRenderer {
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final byte[] FONT_BYTES = withoutGlyphSubstitution(load(FONT));
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /**
   * The parsed font program, once per thread: parsing its 350 KB costs more than the rest of a
   * Bescheid. Each document embeds its own subset, so one parsed font serves many documents, but it
   * reads its tables lazily and is not safe for concurrent use.
   */
  private static final ThreadLocal<TrueTypeFont> TTF =
      ThreadLocal.withInitial(
          () -> {
            try {
              return new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });

  /** Renders the document; the bytes are a complete PDF/A-1b file. */
  public byte[] render(DecisionDocument d) {
    try (PDDocument doc = new PDDocument()) {
      PDFont font = PDType0Font.load(doc, TTF.get(), true);
      conformance(doc, "Bescheid " + d.reference());
      try (PdfTextFlow w = new PdfTextFlow(doc)) {
        write(w, font, d);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
      // PDF/A-1 (PDF 1.4) forbids cross-reference and object streams
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(PdfTextFlow w, PDFont f, DecisionDocument d) throws IOException {
    boolean first = true;
    for (String l : d.letterhead()) {
      w.line(f, first ? 14 : 10, l);
      first = false;
    }
    w.gap();
    w.gap();
    for (String l : d.recipient()) {
      w.line(f, 11, l);
    }
    w.gap();
    w.line(f, 10, d.place());
    w.line(f, 10, "Aktenzeichen: " + d.reference());
    w.gap();
    w.line(f, 13, d.subject());
    w.gap();
    paragraphs(w, f, d.body());
    if (d.fee() != null) {
      w.line(f, 11, d.fee());
      w.gap();
    }
    w.keep(120);
    w.line(f, 12, "Rechtsbehelfsbelehrung");
    paragraphs(w, f, d.remedy());
    w.gap();
    for (String l : d.signature()) {
      w.line(f, 11, l);
    }
    if (d.translation() != null) {
      w.newPage();
      w.line(f, 12, "English translation (for information only; the German text is binding)");
      w.gap();
      w.line(f, 13, d.translation().subject());
      w.gap();
      paragraphs(w, f, d.translation().body());
      w.line(f, 12, "Information on legal remedies");
      paragraphs(w, f, d.translation().remedy());
    }
  }

  private static void paragraphs(PdfTextFlow w, PDFont f, Iterable<String> paragraphs)
      throws IOException {
    for (String p : paragraphs) {
      w.line(f, 11, p);
      w.gap();
    }
  }

  /** XMP with the PDF/A identification and a title matching the document information. */
  private static void conformance(PDDocument doc, String title) throws IOException {
    doc.getDocumentInformation().setTitle(title);
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
    try {
      id.setPart(1);
      id.setConformance("B");
    } catch (BadFieldValueException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, xml, true);
    } catch (TransformerException e) {
      throw new IOException("XMP metadata", e);
    }
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xml.toByteArray());
    catalog.setMetadata(metadata);
    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    catalog.addOutputIntent(intent);
  }

  /**
   * Hides the font's GSUB table (renames its tag, so the parser keeps it as an unknown table and
   * the subset leaves it out). With GSUB, PDFBox shapes every word through compiled regular
   * expressions (ligatures such as "fi"), which made a Bescheid 25 times as slow as the receipt,
   * and ligatures would only make the text harder to search and to read aloud.
   */
  static byte[] withoutGlyphSubstitution(byte[] ttf) {
    byte[] copy = ttf.clone();
    int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
    for (int i = 0; i < tables; i++) {
      int at = 12 + 16 * i;
      if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
        copy[at] = 'g';
        copy[at + 1] = 's';
        copy[at + 2] = 'u';
        copy[at + 3] = 'b';
      }
    }
    return copy;
  }

  private static byte[] load(String resource) {
    try (InputStream in = DecisionRenderer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox font missing: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
