package de.buergerbuero.connector.servicekonto;

import static de.buergerbuero.connector.servicekonto.SamlException.Reason.MALFORMED;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.SIGNATURE_INVALID;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;

/**
 * Enveloped XML signatures as SAML uses them (assertions, responses, logout messages, metadata):
 * secure validation on, allow-listed algorithms and transforms, exactly one reference that points
 * at the signed element itself (no signature wrapping).
 */
final class XmlSignatures {
  static final Set<String> SIGNATURE_ALGORITHMS =
      Set.of(
          SignatureMethod.RSA_SHA256,
          SignatureMethod.RSA_SHA512,
          SignatureMethod.ECDSA_SHA256,
          SignatureMethod.ECDSA_SHA512,
          "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1");
  private static final Set<String> TRANSFORMS =
      Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE);

  private XmlSignatures() {}

  /** Verifies one enveloped signature that must reference exactly {@code signed}. */
  static void verify(Element signatureElement, Element signed, List<X509Certificate> trusted) {
    String id = signed.getAttribute("ID");
    if (id.isEmpty()) {
      throw new SamlException(MALFORMED, signed.getLocalName() + " without ID");
    }
    SamlException last = new SamlException(SIGNATURE_INVALID, "no trusted certificate");
    for (X509Certificate cert : trusted) {
      try {
        DOMValidateContext context =
            new DOMValidateContext(
                KeySelector.singletonKeySelector(cert.getPublicKey()), signatureElement);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        context.setIdAttributeNS(signed, null, "ID");
        XMLSignature signature =
            XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        var info = signature.getSignedInfo();
        if (!SIGNATURE_ALGORITHMS.contains(info.getSignatureMethod().getAlgorithm())) {
          throw new SamlException(SIGNATURE_INVALID, "signature algorithm not allowed");
        }
        if (info.getReferences().size() != 1) {
          throw new SamlException(SIGNATURE_INVALID, "exactly one reference expected");
        }
        Reference reference = (Reference) info.getReferences().get(0);
        if (!("#" + id).equals(reference.getURI())) {
          throw new SamlException(SIGNATURE_INVALID, "the signature covers another element");
        }
        for (Object t : reference.getTransforms()) {
          if (!TRANSFORMS.contains(((Transform) t).getAlgorithm())) {
            throw new SamlException(SIGNATURE_INVALID, "transform not allowed");
          }
        }
        if (signature.validate(context)) {
          return;
        }
        last = new SamlException(SIGNATURE_INVALID, "signature does not verify");
      } catch (SamlException e) {
        throw e;
      } catch (Exception e) {
        last =
            new SamlException(SIGNATURE_INVALID, "signature not verifiable: " + e.getMessage(), e);
      }
    }
    throw last;
  }
}
