package de.buergerbuero.connector.servicekonto;

import static de.buergerbuero.connector.servicekonto.SamlException.Reason.DECRYPTION_FAILED;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.MALFORMED;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.EncryptionMethod;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decrypts a SAML {@code EncryptedAssertion} (XML Encryption 1.1, Apache Santuario) with the SP's
 * private key. Only the algorithms BundID and current IdPs use are accepted: RSA-OAEP key transport
 * (with SHA-1/256/512 digests and MGF1) and AES-GCM for the content. AES-CBC (padding oracles), RSA
 * PKCS#1 v1.5 key transport, key agreement and cipher references (the IdP telling the SP to fetch
 * something) are refused before any decryption. The result is parsed again with {@link SecureXml}
 * and must be exactly one {@code saml:Assertion}; the caller validates it with every check a plain
 * assertion gets.
 */
final class AssertionDecrypter {
  static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
  static final Set<String> CONTENT_ALGORITHMS =
      Set.of(XMLCipher.AES_128_GCM, XMLCipher.AES_192_GCM, XMLCipher.AES_256_GCM);
  static final Set<String> KEY_TRANSPORT = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);
  static final Set<String> OAEP_DIGESTS =
      Set.of(
          XMLCipher.SHA1,
          XMLCipher.SHA256,
          "http://www.w3.org/2001/04/xmldsig-more#sha384",
          XMLCipher.SHA512);
  static final Set<String> MGFS =
      Set.of(
          "http://www.w3.org/2009/xmlenc11#mgf1sha1",
          "http://www.w3.org/2009/xmlenc11#mgf1sha256",
          "http://www.w3.org/2009/xmlenc11#mgf1sha384",
          "http://www.w3.org/2009/xmlenc11#mgf1sha512");

  static {
    org.apache.xml.security.Init.init();
  }

  private AssertionDecrypter() {}

  /** The decrypted assertion, imported into {@code encryptedAssertion}'s document (not placed). */
  static Element decrypt(Element encryptedAssertion, PrivateKey key) {
    Document doc = encryptedAssertion.getOwnerDocument();
    Element data = SecureXml.required(encryptedAssertion, XENC, "EncryptedData");
    List<Element> keys = new ArrayList<>();
    Element keyInfo = SecureXml.child(data, SecureXml.DS, "KeyInfo");
    if (keyInfo != null) {
      keys.addAll(children(keyInfo, XENC, "EncryptedKey"));
    }
    keys.addAll(children(encryptedAssertion, XENC, "EncryptedKey"));
    if (keys.size() != 1) {
      throw new SamlException(MALFORMED, "exactly one EncryptedKey expected");
    }
    requireCipherValue(data);
    requireCipherValue(keys.get(0));
    byte[] plain;
    try {
      XMLCipher loader = XMLCipher.getInstance();
      loader.setSecureValidation(true);
      loader.init(XMLCipher.DECRYPT_MODE, null);
      EncryptedData encryptedData = loader.loadEncryptedData(doc, data);
      EncryptedKey encryptedKey = loader.loadEncryptedKey(doc, keys.get(0));
      String contentAlgorithm = algorithm(encryptedData.getEncryptionMethod());
      if (!CONTENT_ALGORITHMS.contains(contentAlgorithm)) {
        throw new SamlException(DECRYPTION_FAILED, "content encryption not allowed");
      }
      EncryptionMethod transport = encryptedKey.getEncryptionMethod();
      if (!KEY_TRANSPORT.contains(algorithm(transport))) {
        throw new SamlException(DECRYPTION_FAILED, "key transport not allowed");
      }
      if (transport.getDigestAlgorithm() != null
          && !OAEP_DIGESTS.contains(transport.getDigestAlgorithm())) {
        throw new SamlException(DECRYPTION_FAILED, "OAEP digest not allowed");
      }
      if (transport.getMGFAlgorithm() != null && !MGFS.contains(transport.getMGFAlgorithm())) {
        throw new SamlException(DECRYPTION_FAILED, "OAEP mask generation not allowed");
      }
      XMLCipher unwrap = XMLCipher.getInstance();
      unwrap.setSecureValidation(true);
      unwrap.init(XMLCipher.UNWRAP_MODE, key);
      Key contentKey = unwrap.decryptKey(encryptedKey, contentAlgorithm);
      XMLCipher decrypt = XMLCipher.getInstance();
      decrypt.setSecureValidation(true);
      decrypt.init(XMLCipher.DECRYPT_MODE, contentKey);
      plain = decrypt.decryptToByteArray(data);
    } catch (SamlException e) {
      throw e;
    } catch (Exception e) {
      // one message for every failure: no oracle on what went wrong
      throw new SamlException(DECRYPTION_FAILED, "the assertion cannot be decrypted", e);
    }
    Element assertion = parse(plain, encryptedAssertion);
    return (Element) doc.importNode(assertion, true);
  }

  /**
   * Parses the plaintext (an element serialised without the namespace declarations of its
   * ancestors) inside a wrapper that declares the namespaces in scope at the EncryptedAssertion.
   */
  private static Element parse(byte[] plain, Element context) {
    String text = new String(plain, StandardCharsets.UTF_8).strip();
    if (text.startsWith("<?xml")) {
      int end = text.indexOf("?>");
      text = end < 0 ? text : text.substring(end + 2);
    }
    StringBuilder wrapper = new StringBuilder("<w");
    for (Node n = context; n instanceof Element e; n = n.getParentNode()) {
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Node a = attributes.item(i);
        if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())
            && wrapper.indexOf(" " + a.getNodeName() + "=") < 0) {
          wrapper
              .append(' ')
              .append(a.getNodeName())
              .append("=\"")
              .append(AuthnRequest.escape(a.getNodeValue()))
              .append('"');
        }
      }
    }
    wrapper.append('>').append(text).append("</w>");
    Element root =
        SecureXml.parse(wrapper.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    Element assertion = null;
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (assertion != null
            || !SecureXml.SAML.equals(e.getNamespaceURI())
            || !"Assertion".equals(e.getLocalName())) {
          throw new SamlException(MALFORMED, "the encrypted content is not one assertion");
        }
        assertion = e;
      } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
        throw new SamlException(MALFORMED, "the encrypted content is not one assertion");
      }
    }
    if (assertion == null) {
      throw new SamlException(MALFORMED, "the encrypted content is not one assertion");
    }
    return assertion;
  }

  private static void requireCipherValue(Element encrypted) {
    Element cipherData = SecureXml.required(encrypted, XENC, "CipherData");
    if (SecureXml.child(cipherData, XENC, "CipherValue") == null
        || SecureXml.child(cipherData, XENC, "CipherReference") != null) {
      throw new SamlException(MALFORMED, "only inline cipher values are accepted");
    }
  }

  private static String algorithm(EncryptionMethod method) {
    if (method == null || method.getAlgorithm() == null) {
      throw new SamlException(DECRYPTION_FAILED, "no encryption method");
    }
    return method.getAlgorithm();
  }

  private static List<Element> children(Element parent, String ns, String local) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && local.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }
}
