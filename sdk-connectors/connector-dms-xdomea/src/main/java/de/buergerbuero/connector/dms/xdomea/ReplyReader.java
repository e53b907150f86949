package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 */
public final class ReplyReader {
  private static final SafeZip ZIP = new SafeZip(16, 16L * 1024 * 1024);

  /** Reads a reply file's bytes; {@code zip} tells whether they are a ZIP. */
  public ImportConfirmation read(InputStream in, boolean zip) throws IOException {
    if (!zip) {
      return parse(in);
    }
    Map<String, byte[]> entries = ZIP.read(in);
    for (var e : entries.entrySet()) {
      if (e.getKey().endsWith(".xml")) {
        return parse(new ByteArrayInputStream(e.getValue()));
      }
    }
    throw new MalformedRequestException("Reply ZIP contains no XML message");
  }

  ImportConfirmation parse(InputStream in) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    String type = null;
    UUID processId = null;
    List<ImportConfirmation.ObjectResult> results = new ArrayList<>();
    UUID objectId = null;
    Boolean success = null;
    String error = null;
    try {
      XMLStreamReader r = f.createXMLStreamReader(in);
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.DTD) {
            throw new MalformedRequestException("DTDs are not allowed in xdomea replies");
          }
          if (event == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if (type == null) {
              if (!AbgabeMessage.NS.equals(r.getNamespaceURI())) {
                throw new MalformedRequestException("Not an xdomea 3.0.0 message");
              }
              if (local.equals("Abgabe.ImportBestaetigen.0402")) {
                type = "0402";
              } else if (local.equals("Abgabe.EmpfangBestaetigen.0403")) {
                type = "0403";
              } else {
                throw new MalformedRequestException("Unexpected xdomea message " + local);
              }
            }
            switch (local) {
              case "ProzessID" -> processId = uuid(r.getElementText());
              case "IDSGO" -> objectId = uuid(r.getElementText());
              case "Erfolgreich" -> success = Boolean.parseBoolean(r.getElementText().strip());
              case "Fehlermeldung" -> error = r.getElementText().strip();
              default -> {}
            }
          } else if (event == XMLStreamConstants.END_ELEMENT
              && r.getLocalName().equals("AbgegebenesObjekt")) {
            if (objectId == null || success == null) {
              throw new MalformedRequestException("AbgegebenesObjekt without IDSGO or Erfolgreich");
            }
            results.add(new ImportConfirmation.ObjectResult(objectId, success, error));
            objectId = null;
            success = null;
            error = null;
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new MalformedRequestException("xdomea reply is not well-formed XML", e);
    }
    if (type == null || processId == null) {
      throw new MalformedRequestException("xdomea reply without Kopf/ProzessID");
    }
    return new ImportConfirmation(processId, type, results);
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("Not a UUID in xdomea reply");
    }
  }
}
