package de.buergerbuero.connector.servicekonto;

import de.buergerbuero.kernel.model.TrustLevel;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

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
    String query =
        "SAMLRequest="
            + url(Base64.getEncoder().encodeToString(deflate(xml.toString())))
            + (relayState == null ? "" : "&RelayState=" + url(relayState));
    if (settings.credential() != null) {
      // HTTP-Redirect binding signature (SAML bindings §3.4.4.1): over the URL-encoded
      // parameters in this order, SigAlg included
      query += "&SigAlg=" + url(RSA_SHA256);
      query += "&Signature=" + url(sign(query, settings.credential()));
    }
    String sso = settings.idp().singleSignOnUrl();
    return new AuthnRequest(id, issued, minimum, sso + (sso.contains("?") ? "&" : "?") + query);
  }

  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

  private static String sign(String signedQuery, SpCredential credential) {
    try {
      java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
      rsa.initSign(credential.key());
      rsa.update(signedQuery.getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new SamlException(SamlException.Reason.METADATA, "cannot sign the AuthnRequest", e);
    }
  }

  private static byte[] deflate(String xml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflater =
        new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
      deflater.write(xml.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
