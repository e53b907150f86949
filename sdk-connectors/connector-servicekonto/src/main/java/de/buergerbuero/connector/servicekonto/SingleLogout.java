package de.buergerbuero.connector.servicekonto;

import static de.buergerbuero.connector.servicekonto.SamlException.Reason.EXPIRED;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.IDP_STATUS;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.MALFORMED;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.METADATA;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.WRONG_DESTINATION;
import static de.buergerbuero.connector.servicekonto.SamlException.Reason.WRONG_ISSUER;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * SAML single logout (SAML profiles §4.4) by the HTTP-Redirect binding, both ways: the SP starts it
 * ({@link #request}: a signed {@code LogoutRequest} naming the IdP session) and reads the IdP's
 * {@code LogoutResponse}; or the IdP starts it (another SP's logout, or at the IdP) with a signed
 * {@code LogoutRequest} the SP answers with a signed {@code LogoutResponse} ({@link #response}).
 * Every received message must be signed by the IdP, name it as issuer and this SP's logout endpoint
 * as destination.
 */
public final class SingleLogout {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
  static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

  private final SamlSettings settings;

  public SingleLogout(SamlSettings settings) {
    this.settings = settings;
    if (settings.idp().singleLogoutUrl() == null || settings.singleLogoutUrl() == null) {
      throw new SamlException(METADATA, "no single logout endpoint (IdP metadata or SP)");
    }
  }

  /** A logout this SP started: its request id (for the answer) and where to send the browser. */
  public record Started(String requestId, String redirectUrl) {}

  /** A logout the IdP asks for: the subject and its IdP sessions (empty: all of them). */
  public record IdpRequest(
      String id, String nameId, List<String> sessionIndexes, String relayState) {}

  /** The IdP's answer to a logout this SP started. */
  public record IdpResponse(String inResponseTo, boolean success, String relayState) {}

  public Started request(String nameId, String sessionIndex, String relayState, Instant now) {
    String id = newId();
    String xml =
        "<samlp:LogoutRequest xmlns:samlp=\""
            + SecureXml.SAMLP
            + "\" xmlns:saml=\""
            + SecureXml.SAML
            + "\" ID=\""
            + id
            + "\" Version=\"2.0\" IssueInstant=\""
            + now.truncatedTo(ChronoUnit.SECONDS)
            + "\" Destination=\""
            + AuthnRequest.escape(settings.idp().singleLogoutUrl())
            + "\"><saml:Issuer>"
            + AuthnRequest.escape(settings.spEntityId())
            + "</saml:Issuer><saml:NameID Format=\""
            + PERSISTENT
            + "\">"
            + AuthnRequest.escape(nameId)
            + "</saml:NameID>"
            + (sessionIndex == null
                ? ""
                : "<samlp:SessionIndex>"
                    + AuthnRequest.escape(sessionIndex)
                    + "</samlp:SessionIndex>")
            + "</samlp:LogoutRequest>";
    return new Started(
        id,
        RedirectBinding.url(
            settings.idp().singleLogoutUrl(),
            "SAMLRequest",
            xml,
            relayState,
            settings.credential()));
  }

  /** The signed answer to an IdP's logout request, as the URL to send the browser to. */
  public String response(String inResponseTo, String relayState, Instant now) {
    String xml =
        "<samlp:LogoutResponse xmlns:samlp=\""
            + SecureXml.SAMLP
            + "\" xmlns:saml=\""
            + SecureXml.SAML
            + "\" ID=\""
            + newId()
            + "\" Version=\"2.0\" IssueInstant=\""
            + now.truncatedTo(ChronoUnit.SECONDS)
            + "\" Destination=\""
            + AuthnRequest.escape(settings.idp().singleLogoutUrl())
            + "\" InResponseTo=\""
            + AuthnRequest.escape(inResponseTo)
            + "\"><saml:Issuer>"
            + AuthnRequest.escape(settings.spEntityId())
            + "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\""
            + SUCCESS
            + "\"/></samlp:Status></samlp:LogoutResponse>";
    return RedirectBinding.url(
        settings.idp().singleLogoutUrl(), "SAMLResponse", xml, relayState, settings.credential());
  }

  /**
   * Reads what the IdP sent to the SP's logout endpoint (the raw query string): an {@link
   * IdpRequest} or an {@link IdpResponse}.
   */
  public Object receive(String rawQuery, Instant now) {
    RedirectBinding.Received received =
        RedirectBinding.receive(rawQuery, settings.idp().signingCertificates());
    return read(received, now);
  }

  /**
   * Reads what the IdP posted to the SP's logout endpoint (HTTP-POST binding, as IdPs that force
   * POST answer): the message must carry its own enveloped signature.
   */
  public Object receivePost(String parameter, String base64, String relayState, Instant now) {
    if (base64 == null || base64.length() > SecureXml.MAX_BYTES * 4 / 3 + 4) {
      throw new SamlException(MALFORMED, "no or too large a message");
    }
    org.w3c.dom.Document doc;
    try {
      doc = SecureXml.parse(java.util.Base64.getMimeDecoder().decode(base64.strip()));
    } catch (IllegalArgumentException e) {
      throw new SamlException(MALFORMED, "message is not base64");
    }
    Element root = doc.getDocumentElement();
    Element signature = SecureXml.child(root, SecureXml.DS, "Signature");
    if (signature == null) {
      throw new SamlException(SamlException.Reason.NOT_SIGNED, "the message is not signed");
    }
    XmlSignatures.verify(signature, root, settings.idp().signingCertificates());
    return read(new RedirectBinding.Received(doc, parameter, relayState), now);
  }

  private Object read(RedirectBinding.Received received, Instant now) {
    Element root = received.message().getDocumentElement();
    boolean request = "SAMLRequest".equals(received.parameter());
    String expected = request ? "LogoutRequest" : "LogoutResponse";
    if (!SecureXml.SAMLP.equals(root.getNamespaceURI())
        || !expected.equals(root.getLocalName())
        || !"2.0".equals(root.getAttribute("Version"))) {
      throw new SamlException(MALFORMED, "not a samlp:" + expected);
    }
    if (!settings
        .idp()
        .entityId()
        .equals(SecureXml.text(SecureXml.required(root, SecureXml.SAML, "Issuer")))) {
      throw new SamlException(WRONG_ISSUER, "logout message not from the configured IdP");
    }
    String destination = SecureXml.attr(root, "Destination");
    if (destination == null
        || !settings.singleLogoutUrl().equals(SamlValues.collapse(destination))) {
      throw new SamlException(WRONG_DESTINATION, "logout message meant for another endpoint");
    }
    Instant issued = SamlValues.instant(SecureXml.attr(root, "IssueInstant"), "IssueInstant");
    if (issued.isBefore(now.minus(settings.requestLifetime()))
        || issued.isAfter(now.plus(settings.clockSkew()))) {
      throw new SamlException(EXPIRED, "logout message outside its time window");
    }
    if (!request) {
      String status =
          SamlValues.collapse(
              SecureXml.required(
                      SecureXml.required(root, SecureXml.SAMLP, "Status"),
                      SecureXml.SAMLP,
                      "StatusCode")
                  .getAttribute("Value"));
      return new IdpResponse(
          SamlValues.collapse(root.getAttribute("InResponseTo")),
          SUCCESS.equals(status),
          received.relayState());
    }
    String notOnOrAfter = SecureXml.attr(root, "NotOnOrAfter");
    if (notOnOrAfter != null
        && !now.isBefore(
            SamlValues.instant(notOnOrAfter, "NotOnOrAfter").plus(settings.clockSkew()))) {
      throw new SamlException(EXPIRED, "logout request expired");
    }
    String nameId = SecureXml.text(SecureXml.required(root, SecureXml.SAML, "NameID"));
    if (nameId == null || nameId.isEmpty()) {
      throw new SamlException(MALFORMED, "logout request without NameID");
    }
    List<String> indexes = new ArrayList<>();
    NodeList list = root.getElementsByTagNameNS(SecureXml.SAMLP, "SessionIndex");
    for (int i = 0; i < list.getLength(); i++) {
      indexes.add(list.item(i).getTextContent().strip());
    }
    String id = SamlValues.collapse(root.getAttribute("ID"));
    if (id.isEmpty()) {
      throw new SamlException(MALFORMED, "logout request without ID");
    }
    return new IdpRequest(id, nameId, List.copyOf(indexes), received.relayState());
  }

  /** Raises {@link SamlException} ({@code IDP_STATUS}) for an unsuccessful response. */
  static void requireSuccess(IdpResponse response) {
    if (!response.success()) {
      throw new SamlException(IDP_STATUS, "IdP could not log out");
    }
  }

  private static String newId() {
    byte[] random = new byte[20];
    RANDOM.nextBytes(random);
    return "_" + HexFormat.of().formatHex(random);
  }
}
