package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an xdomea 3.0.0 {@code Abgabe.Abgabe.0401} message: one Vorgang per case record, one
 * Dokument per document, each with one version whose primary document is {@code <UUID>.<ext>} in
 * the same ZIP. The application's metadata go into the Vorgang's Betreff, Kennzeichen and
 * Bemerkung.
 */
final class AbgabeMessage {
  static final String NS = "urn:xoev-de:xdomea:schema:3.0.0";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** A document of the message with the name it has inside the ZIP. */
  record Entry(CaseDocument document, UUID id, String zipName) {}

  private AbgabeMessage() {}

  static void write(
      OutputStream out,
      XdomeaDmsConfig config,
      UUID processId,
      UUID vorgangId,
      CaseRecord record,
      List<Entry> entries,
      Instant created)
      throws XMLStreamException {
    XMLStreamWriter w =
        XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
    String now = DATE_TIME.format(created.truncatedTo(ChronoUnit.SECONDS));
    w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
    w.setPrefix("xdomea", NS);
    w.writeStartElement("xdomea", "Abgabe.Abgabe.0401", NS);
    w.writeNamespace("xdomea", NS);

    w.writeStartElement(NS, "Kopf");
    text(w, "ProzessID", processId.toString());
    w.writeStartElement(NS, "Nachrichtentyp");
    w.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:nachrichtentyp");
    w.writeAttribute("listVersionID", "2.0");
    plain(w, "code", "0401");
    plain(w, "name", "Abgabe.Abgabe");
    w.writeEndElement();
    text(w, "Erstellungszeitpunkt", now);
    w.writeStartElement(NS, "Absender");
    named(w, "Institution", config.senderInstitution());
    named(w, "Organisationseinheit", config.senderUnit());
    w.writeEndElement();
    w.writeStartElement(NS, "Empfaenger");
    named(w, "Institution", config.recipientInstitution());
    w.writeEndElement();
    w.writeStartElement(NS, "SendendesSystem");
    text(w, "InstanzID", "buergerbuero-sdk");
    text(w, "Produktname", "Bürgerbüro SDK");
    w.writeEndElement();
    text(w, "Importbestaetigung", "1");
    text(w, "Empfangsbestaetigung", "1");
    w.writeEndElement(); // Kopf

    w.writeStartElement(NS, "Schriftgutobjekt");
    w.writeStartElement(NS, "Vorgang");
    identification(w, vorgangId, null);
    w.writeStartElement(NS, "AllgemeineMetadaten");
    text(w, "Betreff", record.title());
    text(w, "Kennzeichen", record.reference());
    text(w, "Bemerkung", remark(record.metadata()));
    medium(w);
    w.writeEndElement();
    int n = 0;
    for (Entry e : entries) {
      w.writeStartElement(NS, "Dokument");
      identification(w, e.id(), ++n);
      w.writeStartElement(NS, "AllgemeineMetadaten");
      text(w, "Betreff", e.document().fileName());
      medium(w);
      w.writeEndElement();
      text(w, "DatumDesSchreibens", DATE.format(created));
      w.writeStartElement(NS, "Version");
      text(w, "Nummer", "1");
      w.writeStartElement(NS, "Format");
      String ext = FileFormats.extension(e.document().fileName());
      String code = FileFormats.code(ext);
      w.writeStartElement(NS, "Name");
      w.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:dateiformat");
      w.writeAttribute("listVersionID", "1.0");
      plain(w, "code", code);
      w.writeEndElement();
      if (FileFormats.OTHER.equals(code)) {
        text(w, "SonstigerName", ext);
      }
      text(w, "Version", "");
      w.writeStartElement(NS, "Primaerdokument");
      text(w, "Dateiname", e.zipName());
      text(w, "DateinameOriginal", e.document().fileName());
      text(w, "DatumUhrzeit", now);
      w.writeEndElement();
      w.writeEndElement(); // Format
      w.writeEndElement(); // Version
      w.writeEndElement(); // Dokument
    }
    w.writeEndElement(); // Vorgang
    w.writeEndElement(); // Schriftgutobjekt
    w.writeEndElement(); // message
    w.writeEndDocument();
    w.flush();
    w.close();
  }

  private static String remark(Map<String, String> metadata) {
    StringBuilder sb = new StringBuilder();
    metadata.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
    return sb.toString().strip();
  }

  private static void identification(XMLStreamWriter w, UUID id, Integer number)
      throws XMLStreamException {
    w.writeStartElement(NS, "Identifikation");
    text(w, "ID", id.toString());
    if (number != null) {
      text(w, "NummerImUebergeordnetenContainer", number.toString());
    }
    w.writeEndElement();
  }

  private static void medium(XMLStreamWriter w) throws XMLStreamException {
    w.writeStartElement(NS, "Medium");
    w.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:medium");
    w.writeAttribute("listVersionID", "1.0");
    plain(w, "code", "001");
    w.writeEndElement();
  }

  private static void named(XMLStreamWriter w, String element, String name)
      throws XMLStreamException {
    w.writeStartElement(NS, element);
    text(w, "Name", name);
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String element, String value)
      throws XMLStreamException {
    w.writeStartElement(NS, element);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  /** Code list children ({@code code}, {@code name}) are unqualified. */
  private static void plain(XMLStreamWriter w, String element, String value)
      throws XMLStreamException {
    w.writeStartElement(element);
    w.writeCharacters(value);
    w.writeEndElement();
  }
}
