package de.buergerbuero.connector.servicekonto;

import java.time.Duration;
import java.util.Objects;

/**
 * The service provider's side of the federation.
 *
 * @param spEntityId the SP's entity id, as registered at the IdP (often its metadata URL)
 * @param assertionConsumerServiceUrl where the IdP posts the response (HTTP-POST binding); also the
 *     required {@code Destination} and {@code Recipient}
 * @param idp the identity provider
 * @param clockSkew tolerance for the IdP's clock
 * @param requestLifetime how long a login may take from AuthnRequest to response
 * @param attributes which SAML attributes carry what (BundID OIDs by default)
 * @param credential the SP's signing key for AuthnRequests; null sends them unsigned, which an IdP
 *     whose metadata says {@code WantAuthnRequestsSigned} refuses, so such settings are refused
 *     here
 * @param decryption the SP's key for encrypted assertions (published as {@code use="encryption"} in
 *     the SP metadata); null: encrypted assertions are refused
 * @param requireEncryptedAssertions refuse plain assertions (BundID always encrypts; a plain one
 *     then means a misconfigured or impersonated IdP)
 * @param singleLogoutUrl the SP's single logout endpoint (HTTP-Redirect), or null for none
 */
public record SamlSettings(
    String spEntityId,
    String assertionConsumerServiceUrl,
    IdpMetadata idp,
    Duration clockSkew,
    Duration requestLifetime,
    BundIdAttributes attributes,
    SpCredential credential,
    SpCredential decryption,
    boolean requireEncryptedAssertions,
    String singleLogoutUrl) {
  /** Settings without encryption and single logout. */
  public SamlSettings(
      String spEntityId,
      String assertionConsumerServiceUrl,
      IdpMetadata idp,
      Duration clockSkew,
      Duration requestLifetime,
      BundIdAttributes attributes,
      SpCredential credential) {
    this(
        spEntityId,
        assertionConsumerServiceUrl,
        idp,
        clockSkew,
        requestLifetime,
        attributes,
        credential,
        null,
        false,
        null);
  }

  public SamlSettings {
    Objects.requireNonNull(spEntityId, "spEntityId");
    Objects.requireNonNull(assertionConsumerServiceUrl, "assertionConsumerServiceUrl");
    Objects.requireNonNull(idp, "idp");
    clockSkew = clockSkew == null ? Duration.ofMinutes(2) : clockSkew;
    requestLifetime = requestLifetime == null ? Duration.ofMinutes(15) : requestLifetime;
    attributes = attributes == null ? BundIdAttributes.DEFAULT : attributes;
    if (idp.wantAuthnRequestsSigned() && credential == null) {
      throw new SamlException(
          SamlException.Reason.METADATA,
          "the IdP's metadata requires signed AuthnRequests (WantAuthnRequestsSigned);"
              + " configure the SP signing key (buergerbuero.login.saml.sp-keystore)");
    }
    if (requireEncryptedAssertions && decryption == null) {
      throw new SamlException(
          SamlException.Reason.METADATA,
          "encrypted assertions required, but no decryption key"
              + " (buergerbuero.login.saml.sp-keystore)");
    }
  }
}
