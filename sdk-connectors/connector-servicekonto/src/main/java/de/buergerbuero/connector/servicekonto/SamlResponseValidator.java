package de.buergerbuero.connector.servicekonto;

import static de.buergerbuero.connector.servicekonto.SamlException.Reason.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Validates a SAML 2.0 {@code Response} of the HTTP-POST binding the way an SP must (SAML 2.0
 * Profiles §4.1.4.3, Web Browser SSO): exactly one assertion, signed by a certificate from the
 * IdP's metadata with the signature covering that very assertion (no signature wrapping), issuer,
 * destination, audience, bearer subject confirmation with recipient, validity window and {@code
 * InResponseTo} of the request this browser started, success status, and a one-time assertion id.
 * An {@code EncryptedAssertion} is decrypted with the SP's key ({@link AssertionDecrypter}) after
 * the response signature (if any) was checked, and then passes the very same checks.
 */
public final class SamlResponseValidator {
  private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
  private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
  private final SamlSettings settings;
  private final ReplayCache replays;

  public SamlResponseValidator(SamlSettings settings, ReplayCache replays) {
    this.settings = settings;
    this.replays = replays;
  }

  /**
   * Checks the base64 {@code SAMLResponse} form field against the request this browser session
   * started ({@code expectedRequestId}, null when there is none: then it is refused).
   */
  public SamlAssertion validate(String samlResponse, String expectedRequestId, Instant now) {
    if (samlResponse == null || samlResponse.isBlank()) {
      throw new SamlException(MALFORMED, "SAMLResponse missing");
    }
    if (samlResponse.length() > SecureXml.MAX_BYTES * 4 / 3 + 4) {
      throw new SamlException(MALFORMED, "SAMLResponse too large");
    }
    byte[] xml;
    try {
      xml = Base64.getMimeDecoder().decode(samlResponse.strip());
    } catch (IllegalArgumentException e) {
      throw new SamlException(MALFORMED, "SAMLResponse is not base64");
    }
    Document doc = SecureXml.parse(xml);
    Element response = doc.getDocumentElement();
    if (!SecureXml.SAMLP.equals(response.getNamespaceURI())
        || !"Response".equals(response.getLocalName())) {
      throw new SamlException(MALFORMED, "not a samlp:Response");
    }
    if (!"2.0".equals(response.getAttribute("Version"))) {
      throw new SamlException(MALFORMED, "SAML version is not 2.0");
    }
    NodeList encrypted = doc.getElementsByTagNameNS(SecureXml.SAML, "EncryptedAssertion");
    NodeList assertions = doc.getElementsByTagNameNS(SecureXml.SAML, "Assertion");
    if (encrypted.getLength() + assertions.getLength() != 1
        || (encrypted.getLength() == 1 ? encrypted : assertions).item(0).getParentNode()
            != response) {
      throw new SamlException(MALFORMED, "exactly one assertion, directly in the response");
    }
    // signatures first: nothing of the content is trusted before. The response signature covers
    // the assertion as sent (encrypted or not), so it is checked before decrypting.
    Element responseSignature = SecureXml.child(response, SecureXml.DS, "Signature");
    if (responseSignature != null) {
      verify(responseSignature, response);
    }
    Element assertion;
    if (encrypted.getLength() == 1) {
      if (settings.decryption() == null) {
        throw new SamlException(
            ENCRYPTED_NOT_SUPPORTED, "encrypted assertion, but no SP decryption key configured");
      }
      Element encryptedAssertion = (Element) encrypted.item(0);
      assertion = AssertionDecrypter.decrypt(encryptedAssertion, settings.decryption().key());
      response.replaceChild(assertion, encryptedAssertion);
      if (doc.getElementsByTagNameNS(SecureXml.SAML, "Assertion").getLength() != 1) {
        throw new SamlException(MALFORMED, "exactly one assertion, directly in the response");
      }
    } else if (settings.requireEncryptedAssertions()) {
      throw new SamlException(NOT_ENCRYPTED, "the SP accepts encrypted assertions only");
    } else {
      assertion = (Element) assertions.item(0);
    }

    Element assertionSignature = SecureXml.child(assertion, SecureXml.DS, "Signature");
    if (assertionSignature == null) {
      throw new SamlException(NOT_SIGNED, "the assertion is not signed");
    }
    verify(assertionSignature, assertion);
    if (doc.getElementsByTagNameNS(SecureXml.DS, "Signature").getLength()
        != (responseSignature == null ? 1 : 2)) {
      throw new SamlException(MALFORMED, "unexpected signature elements");
    }

    String destination = anyUri(SecureXml.attr(response, "Destination"));
    if (destination != null && !destination.equals(settings.assertionConsumerServiceUrl())) {
      throw new SamlException(WRONG_DESTINATION, "Destination is not this SP's ACS");
    }
    if (expectedRequestId == null
        || !expectedRequestId.equals(SamlValues.collapse(response.getAttribute("InResponseTo")))) {
      throw new SamlException(UNSOLICITED, "the response does not answer this session's request");
    }
    Element responseIssuer = SecureXml.child(response, SecureXml.SAML, "Issuer");
    if (responseIssuer != null
        && !settings.idp().entityId().equals(SecureXml.text(responseIssuer))) {
      throw new SamlException(WRONG_ISSUER, "response issuer is not the configured IdP");
    }
    Element status = SecureXml.required(response, SecureXml.SAMLP, "Status");
    String statusCode =
        SamlValues.collapse(
            SecureXml.required(status, SecureXml.SAMLP, "StatusCode").getAttribute("Value"));
    if (!SUCCESS.equals(statusCode)) {
      throw new SamlException(IDP_STATUS, "IdP answered " + statusCode);
    }
    Instant issued = instant(SecureXml.attr(response, "IssueInstant"), "IssueInstant");
    if (issued.isAfter(now.plus(settings.clockSkew()))) {
      throw new SamlException(NOT_YET_VALID, "response issued in the future");
    }
    if (issued.isBefore(now.minus(settings.requestLifetime()).minus(settings.clockSkew()))) {
      throw new SamlException(EXPIRED, "response too old");
    }

    if (!settings
        .idp()
        .entityId()
        .equals(SecureXml.text(SecureXml.required(assertion, SecureXml.SAML, "Issuer")))) {
      throw new SamlException(WRONG_ISSUER, "assertion issuer is not the configured IdP");
    }
    Element subject = SecureXml.required(assertion, SecureXml.SAML, "Subject");
    String nameId = SecureXml.text(SecureXml.required(subject, SecureXml.SAML, "NameID"));
    Instant notOnOrAfter = checkSubjectConfirmation(subject, expectedRequestId, now);
    checkConditions(SecureXml.required(assertion, SecureXml.SAML, "Conditions"), now);

    Element authn = SecureXml.required(assertion, SecureXml.SAML, "AuthnStatement");
    Instant authnInstant = instant(SecureXml.attr(authn, "AuthnInstant"), "AuthnInstant");
    String classRef = null;
    Element context = SecureXml.child(authn, SecureXml.SAML, "AuthnContext");
    if (context != null) {
      classRef = SecureXml.text(SecureXml.child(context, SecureXml.SAML, "AuthnContextClassRef"));
    }
    String sessionIndex = SecureXml.attr(authn, "SessionIndex");
    Map<String, List<String>> attributes = attributes(assertion);

    String id = assertion.getAttribute("ID");
    if (!replays.firstUse(id, notOnOrAfter.plus(settings.clockSkew()), now)) {
      throw new SamlException(REPLAYED, "assertion already used");
    }
    return new SamlAssertion(
        id, nameId, authnInstant, classRef, attributes, notOnOrAfter, sessionIndex);
  }

  private Instant checkSubjectConfirmation(Element subject, String requestId, Instant now) {
    for (Node n = subject.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c
          && "SubjectConfirmation".equals(c.getLocalName())
          && BEARER.equals(SamlValues.collapse(c.getAttribute("Method")))) {
        Element data = SecureXml.required(c, SecureXml.SAML, "SubjectConfirmationData");
        if (!settings
            .assertionConsumerServiceUrl()
            .equals(SamlValues.collapse(data.getAttribute("Recipient")))) {
          throw new SamlException(WRONG_DESTINATION, "Recipient is not this SP's ACS");
        }
        String inResponseTo = anyUri(SecureXml.attr(data, "InResponseTo"));
        if (inResponseTo != null && !inResponseTo.equals(requestId)) {
          throw new SamlException(UNSOLICITED, "subject confirmation answers another request");
        }
        Instant notOnOrAfter = instant(SecureXml.attr(data, "NotOnOrAfter"), "NotOnOrAfter");
        if (!now.isBefore(notOnOrAfter.plus(settings.clockSkew()))) {
          throw new SamlException(EXPIRED, "subject confirmation expired");
        }
        String notBefore = SecureXml.attr(data, "NotBefore");
        if (notBefore != null
            && instant(notBefore, "NotBefore").isAfter(now.plus(settings.clockSkew()))) {
          throw new SamlException(NOT_YET_VALID, "subject confirmation not yet valid");
        }
        return notOnOrAfter;
      }
    }
    throw new SamlException(MALFORMED, "no bearer subject confirmation");
  }

  private void checkConditions(Element conditions, Instant now) {
    String notBefore = SecureXml.attr(conditions, "NotBefore");
    if (notBefore != null
        && instant(notBefore, "NotBefore").isAfter(now.plus(settings.clockSkew()))) {
      throw new SamlException(NOT_YET_VALID, "assertion not yet valid");
    }
    String notOnOrAfter = SecureXml.attr(conditions, "NotOnOrAfter");
    if (notOnOrAfter != null
        && !now.isBefore(instant(notOnOrAfter, "NotOnOrAfter").plus(settings.clockSkew()))) {
      throw new SamlException(EXPIRED, "assertion expired");
    }
    NodeList restrictions =
        conditions.getElementsByTagNameNS(SecureXml.SAML, "AudienceRestriction");
    if (restrictions.getLength() == 0) {
      throw new SamlException(WRONG_AUDIENCE, "no audience restriction");
    }
    // every AudienceRestriction must name this SP (SAML core §2.5.1.4)
    for (int i = 0; i < restrictions.getLength(); i++) {
      NodeList audiences =
          ((Element) restrictions.item(i)).getElementsByTagNameNS(SecureXml.SAML, "Audience");
      boolean ours = false;
      for (int j = 0; j < audiences.getLength(); j++) {
        ours |= settings.spEntityId().equals(audiences.item(j).getTextContent().strip());
      }
      if (!ours) {
        throw new SamlException(WRONG_AUDIENCE, "the assertion is meant for another SP");
      }
    }
  }

  private static Map<String, List<String>> attributes(Element assertion) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    NodeList list = assertion.getElementsByTagNameNS(SecureXml.SAML, "Attribute");
    for (int i = 0; i < list.getLength(); i++) {
      Element attribute = (Element) list.item(i);
      List<String> values =
          result.computeIfAbsent(attribute.getAttribute("Name"), k -> new ArrayList<>());
      NodeList vs = attribute.getElementsByTagNameNS(SecureXml.SAML, "AttributeValue");
      for (int j = 0; j < vs.getLength(); j++) {
        values.add(vs.item(j).getTextContent().strip());
      }
    }
    return result;
  }

  private void verify(Element signatureElement, Element signed) {
    XmlSignatures.verify(signatureElement, signed, settings.idp().signingCertificates());
  }

  /** anyURI and NCName values: whitespace collapsed as their types define; null stays null. */
  private static String anyUri(String value) {
    return value == null ? null : SamlValues.collapse(value);
  }

  private static Instant instant(String value, String attribute) {
    return SamlValues.instant(value, attribute);
  }
}
