package de.buergerbuero.connector.servicekonto;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds SAML responses the way an IdP does, signed with a test-only key (test-idp.p12) or an
 * attacker's key, so the validator can be tested against valid, altered and forged messages.
 */
final class TestIdentityProvider {
  static final String ENTITY_ID = "https://idp.test.example/bundid";
  static final String SSO = "https://idp.test.example/bundid/sso";
  static final String SP = "https://portal.musterstadt.example/saml/metadata";
  static final String ACS = "https://portal.musterstadt.example/saml/acs";

  final PrivateKey key;
  final X509Certificate certificate;

  /** The SP's test-only key pair (test-sp.p12): encrypted assertions are encrypted for it. */
  static SpCredential spCredential() {
    try (InputStream in = TestIdentityProvider.class.getResourceAsStream("/test-sp.p12")) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, "test-only".toCharArray());
      return new SpCredential(
          (PrivateKey) ks.getKey("sp", "test-only".toCharArray()),
          (X509Certificate) ks.getCertificate("sp"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  TestIdentityProvider(String keystore) {
    try (InputStream in = TestIdentityProvider.class.getResourceAsStream("/" + keystore + ".p12")) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, "test-only".toCharArray());
      key = (PrivateKey) ks.getKey(keystore, "test-only".toCharArray());
      certificate = (X509Certificate) ks.getCertificate(keystore);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  IdpMetadata metadata() {
    return new IdpMetadata(ENTITY_ID, SSO, List.of(certificate));
  }

  static SamlSettings settings(IdpMetadata idp) {
    return new SamlSettings(SP, ACS, idp, null, null, null, null);
  }

  /** What goes into a response; tests change single fields. */
  static final class Draft {
    String requestId = "_request1";
    String assertionId = "_a" + System.nanoTime();
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    Instant notOnOrAfter = now.plusSeconds(300);
    String audience = SP;
    String recipient = ACS;
    String issuer = ENTITY_ID;
    String classRef = "STORK-QAA-Level-3";

    /** How times are written; any xs:dateTime form an IdP may use. */
    java.util.function.Function<Instant, String> time = Instant::toString;

    Map<String, String> attributes =
        Map.of(
            "urn:oid:1.3.6.1.4.1.25484.494450.3", "bpk2-anna",
            "urn:oid:2.5.4.42", "Anna",
            "urn:oid:2.5.4.4", "Muster",
            "urn:oid:1.2.40.0.10.2.1.1.55", "1985-04-12",
            "urn:oid:2.5.4.18", "postfach-anna");
  }

  String xml(Draft d) {
    StringBuilder attrs = new StringBuilder();
    d.attributes.forEach(
        (name, value) ->
            attrs
                .append("<saml:Attribute Name=\"")
                .append(name)
                .append("\"><saml:AttributeValue>")
                .append(value)
                .append("</saml:AttributeValue></saml:Attribute>"));
    return "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r"
        + System.nanoTime()
        + "\" Version=\"2.0\" IssueInstant=\""
        + d.time.apply(d.now)
        + "\" Destination=\""
        + ACS
        + "\" InResponseTo=\""
        + d.requestId
        + "\"><saml:Issuer>"
        + d.issuer
        + "</saml:Issuer><samlp:Status><samlp:StatusCode"
        + " Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
        + "<saml:Assertion ID=\""
        + d.assertionId
        + "\" Version=\"2.0\" IssueInstant=\""
        + d.time.apply(d.now)
        + "\"><saml:Issuer>"
        + d.issuer
        + "</saml:Issuer><saml:Subject><saml:NameID>G-1234</saml:NameID>"
        + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
        + "<saml:SubjectConfirmationData InResponseTo=\""
        + d.requestId
        + "\" NotOnOrAfter=\""
        + d.time.apply(d.notOnOrAfter)
        + "\" Recipient=\""
        + d.recipient
        + "\"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore=\""
        + d.time.apply(d.now.minusSeconds(5))
        + "\" NotOnOrAfter=\""
        + d.time.apply(d.notOnOrAfter)
        + "\"><saml:AudienceRestriction><saml:Audience>"
        + d.audience
        + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
        + "<saml:AuthnStatement AuthnInstant=\""
        + d.time.apply(d.now)
        + "\"><saml:AuthnContext><saml:AuthnContextClassRef>"
        + d.classRef
        + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
        + "<saml:AttributeStatement>"
        + attrs
        + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
  }

  /** The response with its assertion signed (enveloped, exc-c14n, RSA-SHA256). */
  Document signed(Draft d) {
    Document doc = SecureXml.parse(xml(d).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Element assertion = (Element) doc.getElementsByTagNameNS(SecureXml.SAML, "Assertion").item(0);
    sign(assertion);
    return doc;
  }

  void sign(Element element) {
    try {
      element.setIdAttributeNS(null, "ID", true);
      XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
      Reference ref =
          f.newReference(
              "#" + element.getAttribute("ID"),
              f.newDigestMethod(DigestMethod.SHA256, null),
              List.of(
                  f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      SignedInfo info =
          f.newSignedInfo(
              f.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              f.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
              List.of(ref));
      // the signature goes after the Issuer, as the SAML schema wants
      Node afterIssuer = element.getFirstChild().getNextSibling();
      DOMSignContext context = new DOMSignContext(key, element, afterIssuer);
      f.newXMLSignature(info, null).sign(context);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The signed response with its assertion encrypted for {@code recipient} the way an IdP does it:
   * a fresh AES key encrypts the assertion ({@code content}), the key is encrypted with the SP's
   * public key ({@code transport}) and travels in the EncryptedData's KeyInfo.
   */
  Document encrypted(Draft d, X509Certificate recipient, String content, String transport) {
    return encrypt(signed(d), recipient, content, transport);
  }

  static Document encrypt(
      Document doc, X509Certificate recipient, String content, String transport) {
    try {
      org.apache.xml.security.Init.init();
      Element assertion = (Element) doc.getElementsByTagNameNS(SecureXml.SAML, "Assertion").item(0);
      javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
      generator.init(content.contains("128") ? 128 : 256);
      javax.crypto.SecretKey aes = generator.generateKey();
      XMLCipher keyCipher = XMLCipher.getInstance(transport);
      keyCipher.init(XMLCipher.WRAP_MODE, recipient.getPublicKey());
      EncryptedKey encryptedKey = keyCipher.encryptKey(doc, aes);
      XMLCipher cipher = XMLCipher.getInstance(content);
      cipher.init(XMLCipher.ENCRYPT_MODE, aes);
      KeyInfo keyInfo = new KeyInfo(doc);
      keyInfo.add(encryptedKey);
      cipher.getEncryptedData().setKeyInfo(keyInfo);
      cipher.doFinal(doc, assertion, false);
      Element data =
          (Element) doc.getElementsByTagNameNS(AssertionDecrypter.XENC, "EncryptedData").item(0);
      Element wrapper = doc.createElementNS(SecureXml.SAML, "saml:EncryptedAssertion");
      data.getParentNode().replaceChild(wrapper, data);
      wrapper.appendChild(data);
      return doc;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(Document doc) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(doc), new StreamResult(out));
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(String xml) {
    return Base64.getEncoder()
        .encodeToString(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
