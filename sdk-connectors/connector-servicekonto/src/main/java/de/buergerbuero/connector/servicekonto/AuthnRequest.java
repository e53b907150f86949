package de.buergerbuero.connector.servicekonto;

import de.buergerbuero.kernel.model.TrustLevel;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * A SAML 2.0 {@code AuthnRequest} sent by the HTTP-Redirect binding. The caller keeps {@link #id}
 * (in the browser's session) and hands it to {@link SamlResponseValidator#validate}: responses that
 * do not answer this request are refused.
 *
 * @param id the request id ({@code InResponseTo} of the answer)
 * @param issuedAt when it was created
 * @param minimum the trust level asked for (STORK-QAA class ref, comparison "minimum"), or null
 * @param redirectUrl where to send the browser
 */
public record AuthnRequest(String id, Instant issuedAt, TrustLevel minimum, String redirectUrl) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Builds a request; {@code relayState} must be short and contain no personal data. */
  public static AuthnRequest create(
      SamlSettings settings, TrustLevel minimum, String relayState, Instant now) {
    byte[] random = new byte[20];
    RANDOM.nextBytes(random);
    String id = "_" + HexFormat.of().formatHex(random); // an NCName, never starting with a digit
    Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
    StringBuilder xml =
        new StringBuilder()
            .append("<samlp:AuthnRequest xmlns:samlp=\"")
            .append(SecureXml.SAMLP)
            .append("\" xmlns:saml=\"")
            .append(SecureXml.SAML)
            .append("\" ID=\"")
            .append(id)
            .append("\" Version=\"2.0\" IssueInstant=\"")
            .append(issued)
            .append("\" Destination=\"")
            .append(escape(settings.idp().singleSignOnUrl()))
            .append("\" AssertionConsumerServiceURL=\"")
            .append(escape(settings.assertionConsumerServiceUrl()))
            .append("\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">")
            .append("<saml:Issuer>")
            .append(escape(settings.spEntityId()))
            .append("</saml:Issuer>")
            .append("<samlp:NameIDPolicy AllowCreate=\"true\"")
            .append(" Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"/>");
    if (minimum != null) {
      xml.append("<samlp:RequestedAuthnContext Comparison=\"minimum\"><saml:AuthnContextClassRef>")
          .append(minimum.storkQaaClassRef())
          .append("</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>");
    }
    xml.append("</samlp:AuthnRequest>");
    String url =
        RedirectBinding.url(
            settings.idp().singleSignOnUrl(),
            "SAMLRequest",
            xml.toString(),
            relayState,
            settings.credential());
    return new AuthnRequest(id, issued, minimum, url);
  }

  static final String RSA_SHA256 = RedirectBinding.RSA_SHA256;

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
