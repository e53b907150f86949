package de.buergerbuero.connector.servicekonto;

/** The SP's SAML 2.0 metadata, for registering the town's portal at the IdP. */
public final class ServiceProviderMetadata {
  private ServiceProviderMetadata() {}

  public static String xml(SamlSettings settings) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<md:EntityDescriptor xmlns:md=\""
        + SecureXml.MD
        + "\" entityID=\""
        + AuthnRequest.escape(settings.spEntityId())
        + "\">\n  <md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\""
        + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
        + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n"
        + "    <md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
        + " Location=\""
        + AuthnRequest.escape(settings.assertionConsumerServiceUrl())
        + "\" index=\"0\" isDefault=\"true\"/>\n  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n";
  }
}
