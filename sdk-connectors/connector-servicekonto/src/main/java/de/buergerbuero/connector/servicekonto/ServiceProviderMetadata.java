package de.buergerbuero.connector.servicekonto;

/** The SP's SAML 2.0 metadata, for registering the town's portal at the IdP. */
public final class ServiceProviderMetadata {
  private ServiceProviderMetadata() {}

  private static String key(SpCredential credential, String use, String methods) {
    if (credential == null) {
      return "";
    }
    try {
      return "    <md:KeyDescriptor use=\""
          + use
          + "\"><ds:KeyInfo xmlns:ds=\""
          + SecureXml.DS
          + "\"><ds:X509Data><ds:X509Certificate>"
          + java.util.Base64.getEncoder().encodeToString(credential.certificate().getEncoded())
          + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
          + methods
          + "</md:KeyDescriptor>\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new SamlException(SamlException.Reason.METADATA, "SP certificate not encodable", e);
    }
  }

  public static String xml(SamlSettings settings) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<md:EntityDescriptor xmlns:md=\""
        + SecureXml.MD
        + "\" entityID=\""
        + AuthnRequest.escape(settings.spEntityId())
        + "\">\n  <md:SPSSODescriptor AuthnRequestsSigned=\""
        + (settings.credential() != null)
        + "\" WantAssertionsSigned=\"true\""
        + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
        + key(settings.credential(), "signing", "")
        + key(
            settings.decryption(),
            "encryption",
            "<md:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#aes256-gcm\"/>"
                + "<md:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#aes128-gcm\"/>"
                + "<md:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#rsa-oaep\"/>"
                + "<md:EncryptionMethod"
                + " Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\"/>")
        + (settings.singleLogoutUrl() == null
            ? ""
            : "    <md:SingleLogoutService"
                + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + AuthnRequest.escape(settings.singleLogoutUrl())
                + "\"/>\n")
        + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n"
        + "    <md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
        + " Location=\""
        + AuthnRequest.escape(settings.assertionConsumerServiceUrl())
        + "\" index=\"0\" isDefault=\"true\"/>\n  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n";
  }
}
