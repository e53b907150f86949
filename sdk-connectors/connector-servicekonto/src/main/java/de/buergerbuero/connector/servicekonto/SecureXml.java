package de.buergerbuero.connector.servicekonto;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware DOM parsing with DTDs, external entities and XInclude switched off. */
final class SecureXml {
  static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final int MAX_BYTES = 512 * 1024;

  private SecureXml() {}

  static Document parse(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw new SamlException(SamlException.Reason.MALFORMED, "message larger than 512 KB");
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new SamlException(
          SamlException.Reason.MALFORMED, "not well-formed XML or a DTD: " + e.getMessage());
    }
  }

  /** The only child element with this name, or null; more than one is refused. */
  static Element child(Element parent, String ns, String local) {
    Element found = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && local.equals(e.getLocalName())) {
        if (found != null) {
          throw new SamlException(
              SamlException.Reason.MALFORMED,
              "more than one " + local + " in " + parent.getLocalName());
        }
        found = e;
      }
    }
    return found;
  }

  static Element required(Element parent, String ns, String local) {
    Element e = child(parent, ns, local);
    if (e == null) {
      throw new SamlException(
          SamlException.Reason.MALFORMED, local + " missing in " + parent.getLocalName());
    }
    return e;
  }

  static String text(Element e) {
    return e == null ? null : e.getTextContent().strip();
  }

  /** The attribute's value, or null when it is absent. */
  static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : null;
  }
}
