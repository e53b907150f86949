package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads 0402/0403 replies, as a ZIP ({@code <ProzessID>_Abgabe.ImportBestaetigen.0402.zip}) or as
 * plain XML. XML is parsed without DTDs or external entities (XXE and entity expansion are
 * refused); ZIPs go through {@link SafeZip}.
 *
 * <p>Values are read in their whole XML Schema lexical space, because a DMS may write any valid
 * form: {@code Erfolgreich} (xs:boolean) as {@code true}, {@code false}, {@code 1} or {@code 0}
 * with whitespace collapsed; {@code Erstellungszeitpunkt} (xs:dateTime) with or without time zone
 * and with any fraction of a second; code lists ({@code Nachrichtentyp}, {@code FehlermeldungCode})
 * with any {@code listURI}/{@code listVersionID}. Elements are matched by namespace and position,
 * never by prefix, so any prefix or a default namespace works; elements the reader does not need
 * (optional Kopf parts, {@code AnwendungsspezifischeErweiterung…}, later additions) are skipped
 * with their content. A 0402 may carry several {@code AbgegebenesObjekt} entries (per Vorgang and
 * per Dokument); each becomes one result. A value outside its type's lexical space makes the reply
 * malformed rather than being guessed.
 */
public final class ReplyReader {
  private static final SafeZip ZIP = new SafeZip(16, 16L * 1024 * 1024);
  private static final String NS = AbgabeMessage.NS;
  private static final String ROOT_0402 = "Abgabe.ImportBestaetigen.0402";
  private static final String ROOT_0403 = "Abgabe.EmpfangBestaetigen.0403";

  private final ZoneId localTimeZone;

  /** Reads times without a zone as German local time (Europe/Berlin). */
  public ReplyReader() {
    this(ZoneId.of("Europe/Berlin"));
  }

  /**
   * @param localTimeZone the zone of xs:dateTime values written without one (XML Schema leaves it
   *     to the sender; a DMS writes its own local time)
   */
  public ReplyReader(ZoneId localTimeZone) {
    this.localTimeZone = Objects.requireNonNull(localTimeZone, "localTimeZone");
  }

  /** Reads a reply file's bytes; {@code zip} tells whether they are a ZIP. */
  public ImportConfirmation read(InputStream in, boolean zip) throws IOException {
    if (!zip) {
      return parse(in);
    }
    Map<String, byte[]> entries = ZIP.read(in);
    for (var e : entries.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).endsWith(".xml")) {
        return parse(new ByteArrayInputStream(e.getValue()));
      }
    }
    throw new MalformedRequestException("Reply ZIP contains no XML message");
  }

  ImportConfirmation parse(InputStream in) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try {
      XMLStreamReader r = f.createXMLStreamReader(in);
      try {
        return message(r);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new MalformedRequestException("xdomea reply is not well-formed XML", e);
    }
  }

  private ImportConfirmation message(XMLStreamReader r) throws XMLStreamException {
    while (next(r) != XMLStreamConstants.START_ELEMENT) {
      // prolog: comments and processing instructions
    }
    if (!NS.equals(r.getNamespaceURI())) {
      throw new MalformedRequestException("Not an xdomea 3.0.0 message");
    }
    String type =
        switch (r.getLocalName()) {
          case ROOT_0402 -> "0402";
          case ROOT_0403 -> "0403";
          default ->
              throw new MalformedRequestException(
                  "Unexpected xdomea message " + XsValues.printable(r.getLocalName()));
        };
    Kopf kopf = null;
    List<ImportConfirmation.ObjectResult> results = new ArrayList<>();
    while (nextChild(r)) {
      if (is(r, "Kopf")) {
        kopf = kopf(r, type);
      } else if (type.equals("0402") && is(r, "AbgegebenesObjekt")) {
        results.add(object(r));
      } else {
        skip(r);
      }
    }
    if (kopf == null || kopf.processId == null) {
      throw new MalformedRequestException("xdomea reply without Kopf/ProzessID");
    }
    if (type.equals("0402") && results.isEmpty()) {
      throw new MalformedRequestException("xdomea 0402 reply without AbgegebenesObjekt");
    }
    return new ImportConfirmation(kopf.processId, type, results, kopf.created);
  }

  private static final class Kopf {
    UUID processId;
    Instant created;
  }

  private Kopf kopf(XMLStreamReader r, String type) throws XMLStreamException {
    Kopf k = new Kopf();
    while (nextChild(r)) {
      if (is(r, "ProzessID")) {
        k.processId = XsValues.uuid(r.getElementText(), "ProzessID");
      } else if (is(r, "Erstellungszeitpunkt")) {
        k.created = XsValues.xsDateTime(r.getElementText(), localTimeZone, "Erstellungszeitpunkt");
      } else if (is(r, "Nachrichtentyp")) {
        ImportConfirmation.Code code = code(r);
        if (!code.code().equals(type)) {
          throw new MalformedRequestException(
              "Nachrichtentyp "
                  + XsValues.printable(code.code())
                  + " does not match the message element ("
                  + type
                  + ")");
        }
      } else {
        skip(r);
      }
    }
    return k;
  }

  private static ImportConfirmation.ObjectResult object(XMLStreamReader r)
      throws XMLStreamException {
    UUID id = null;
    Boolean success = null;
    List<String> errors = new ArrayList<>();
    List<ImportConfirmation.Code> codes = new ArrayList<>();
    while (nextChild(r)) {
      if (is(r, "IDSGO")) {
        id = XsValues.uuid(r.getElementText(), "IDSGO");
      } else if (is(r, "Erfolgreich")) {
        success = XsValues.xsBoolean(r.getElementText(), "Erfolgreich");
      } else if (is(r, "Fehlermeldung")) {
        String text = r.getElementText().strip();
        if (!text.isEmpty()) {
          errors.add(text);
        }
      } else if (is(r, "FehlermeldungCode")) {
        codes.add(code(r));
      } else {
        skip(r);
      }
    }
    if (id == null || success == null) {
      throw new MalformedRequestException("AbgegebenesObjekt without IDSGO or Erfolgreich");
    }
    return new ImportConfirmation.ObjectResult(
        id, success, errors.isEmpty() ? null : String.join("; ", errors), codes);
  }

  /**
   * An XÖV code value: attributes {@code listURI}/{@code listVersionID}, children {@code code}
   * (xs:token) and {@code name}. The children are unqualified in the schema; a {@code code} in the
   * xdomea namespace (a sender's default namespace leaking into them) is read as well.
   */
  private static ImportConfirmation.Code code(XMLStreamReader r) throws XMLStreamException {
    String listUri = r.getAttributeValue(null, "listURI");
    String listVersion = r.getAttributeValue(null, "listVersionID");
    String code = null;
    String name = null;
    while (nextChild(r)) {
      boolean plain = r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty();
      if ((plain || NS.equals(r.getNamespaceURI())) && r.getLocalName().equals("code")) {
        code = XsValues.collapse(r.getElementText());
      } else if ((plain || NS.equals(r.getNamespaceURI())) && r.getLocalName().equals("name")) {
        name = XsValues.collapse(r.getElementText());
      } else {
        skip(r);
      }
    }
    if (code == null || code.isEmpty()) {
      throw new MalformedRequestException("Code list value without code");
    }
    return new ImportConfirmation.Code(
        listUri == null ? null : XsValues.collapse(listUri),
        listVersion == null ? null : XsValues.collapse(listVersion),
        code,
        name);
  }

  private static boolean is(XMLStreamReader r, String local) {
    return NS.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
  }

  private static int next(XMLStreamReader r) throws XMLStreamException {
    if (!r.hasNext()) {
      throw new MalformedRequestException("xdomea reply ends early");
    }
    int event = r.next();
    if (event == XMLStreamConstants.DTD) {
      throw new MalformedRequestException("DTDs are not allowed in xdomea replies");
    }
    return event;
  }

  /** Advances to the next child element (true) or to the end of the current element (false). */
  private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (true) {
      int event = next(r);
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
  }

  /** Skips the current element with everything inside it. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = next(r);
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
