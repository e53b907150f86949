package de.buergerbuero.connector.servicekonto;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the SP needs from an identity provider's SAML 2.0 metadata: its entity id, the
 * single-sign-on endpoint for the HTTP-Redirect binding, its signing certificates and whether it
 * wants signed AuthnRequests ({@code WantAuthnRequestsSigned}, an xs:boolean: {@code true}, {@code
 * 1}, {@code false}, {@code 0}; absent means false).
 *
 * <p>Metadata is configuration: load it from a file the operator checked (or from the IdP's
 * metadata URL in a test setup); the certificates in it decide which signatures are trusted.
 */
public record IdpMetadata(
    String entityId,
    String singleSignOnUrl,
    List<X509Certificate> signingCertificates,
    boolean wantAuthnRequestsSigned,
    String singleLogoutUrl) {
  static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

  public IdpMetadata {
    signingCertificates = List.copyOf(signingCertificates);
    if (signingCertificates.isEmpty()) {
      throw new SamlException(SamlException.Reason.METADATA, "no signing certificate");
    }
  }

  /** An IdP without single logout. */
  public IdpMetadata(
      String entityId,
      String singleSignOnUrl,
      List<X509Certificate> signingCertificates,
      boolean wantAuthnRequestsSigned) {
    this(entityId, singleSignOnUrl, signingCertificates, wantAuthnRequestsSigned, null);
  }

  /** An IdP that does not ask for signed AuthnRequests (the metadata schema's default). */
  public IdpMetadata(
      String entityId, String singleSignOnUrl, List<X509Certificate> signingCertificates) {
    this(entityId, singleSignOnUrl, signingCertificates, false);
  }

  public static IdpMetadata parse(byte[] xml) {
    return parse(xml, List.of(), null);
  }

  /**
   * Parses metadata and checks what makes it trustworthy: a signature on the {@code
   * EntityDescriptor} must verify with one of {@code metadataSigners} (the federation's metadata
   * signing certificates, configured by the operator); when signers are configured, unsigned
   * metadata is refused; signed metadata without configured signers is refused too (there is
   * nothing to check it against). {@code validUntil} in the past makes it unusable.
   *
   * @param now the time to check {@code validUntil} against; null skips that check
   */
  public static IdpMetadata parse(byte[] xml, List<X509Certificate> metadataSigners, Instant now) {
    Element root = SecureXml.parse(xml).getDocumentElement();
    if (!SecureXml.MD.equals(root.getNamespaceURI())
        || !"EntityDescriptor".equals(root.getLocalName())) {
      throw new SamlException(SamlException.Reason.METADATA, "not an md:EntityDescriptor");
    }
    Element signature = SecureXml.child(root, SecureXml.DS, "Signature");
    if (signature != null) {
      if (metadataSigners.isEmpty()) {
        throw new SamlException(
            SamlException.Reason.METADATA,
            "the metadata is signed; configure its signing certificate"
                + " (buergerbuero.login.saml.idp-metadata-signing-certificate) to check it");
      }
      try {
        XmlSignatures.verify(signature, root, metadataSigners);
      } catch (SamlException e) {
        throw new SamlException(
            SamlException.Reason.METADATA, "metadata signature: " + e.getMessage(), e);
      }
    } else if (!metadataSigners.isEmpty()) {
      throw new SamlException(
          SamlException.Reason.METADATA, "the metadata is not signed, but must be");
    }
    String validUntil = SecureXml.attr(root, "validUntil");
    if (now != null
        && validUntil != null
        && !now.isBefore(SamlValues.instant(validUntil, "validUntil"))) {
      throw new SamlException(SamlException.Reason.METADATA, "the metadata has expired");
    }
    Element idp = SecureXml.required(root, SecureXml.MD, "IDPSSODescriptor");
    String sso = null;
    NodeList services = idp.getElementsByTagNameNS(SecureXml.MD, "SingleSignOnService");
    for (int i = 0; i < services.getLength(); i++) {
      Element s = (Element) services.item(i);
      if (REDIRECT.equals(s.getAttribute("Binding"))) {
        sso = SamlValues.collapse(s.getAttribute("Location"));
      }
    }
    if (sso == null || sso.isBlank()) {
      throw new SamlException(
          SamlException.Reason.METADATA, "no HTTP-Redirect SingleSignOnService");
    }
    String slo = null;
    NodeList logouts = idp.getElementsByTagNameNS(SecureXml.MD, "SingleLogoutService");
    for (int i = 0; i < logouts.getLength(); i++) {
      Element s = (Element) logouts.item(i);
      if (REDIRECT.equals(s.getAttribute("Binding"))) {
        slo = SamlValues.collapse(s.getAttribute("Location"));
      }
    }
    List<X509Certificate> certs = new ArrayList<>();
    NodeList keys = idp.getElementsByTagNameNS(SecureXml.MD, "KeyDescriptor");
    for (int i = 0; i < keys.getLength(); i++) {
      Element key = (Element) keys.item(i);
      String use = SamlValues.collapse(key.getAttribute("use"));
      if (!use.isEmpty() && !"signing".equals(use)) {
        continue;
      }
      NodeList values = key.getElementsByTagNameNS(SecureXml.DS, "X509Certificate");
      for (int j = 0; j < values.getLength(); j++) {
        certs.add(certificate(values.item(j).getTextContent()));
      }
    }
    boolean wantsSigned =
        SamlValues.xsBoolean(
            SecureXml.attr(idp, "WantAuthnRequestsSigned"), false, "WantAuthnRequestsSigned");
    return new IdpMetadata(
        SamlValues.collapse(root.getAttribute("entityID")),
        sso,
        certs,
        wantsSigned,
        slo == null || slo.isBlank() ? null : slo);
  }

  static X509Certificate certificate(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64.strip());
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | IllegalArgumentException e) {
      throw new SamlException(SamlException.Reason.METADATA, "unreadable certificate", e);
    }
  }
}
