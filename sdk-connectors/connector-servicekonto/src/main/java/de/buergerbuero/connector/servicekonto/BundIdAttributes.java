package de.buergerbuero.connector.servicekonto;

/**
 * SAML attribute names the SP reads. The defaults are the BundID OIDs; the company and staff
 * attributes are this SDK's names for what Mein Unternehmenskonto and the town's staff directory
 * (federated through the same IdP or a broker) deliver, and can be changed per town.
 *
 * @param bpk2 pseudonymous subject (bPK2): the applicant's stable id
 * @param trustLevel the eIDAS/STORK level as an attribute ({@code EID-CITIZEN-QAA-LEVEL}), read
 *     when the AuthnContextClassRef is no STORK-QAA level
 */
public record BundIdAttributes(
    String bpk2,
    String givenName,
    String surname,
    String birthDate,
    String email,
    String postbox,
    String trustLevel,
    String companyName,
    String companyRegisterNumber,
    String staffRole,
    String staffDepartment) {

  public static final BundIdAttributes DEFAULT =
      new BundIdAttributes(
          "urn:oid:1.3.6.1.4.1.25484.494450.3",
          "urn:oid:2.5.4.42",
          "urn:oid:2.5.4.4",
          "urn:oid:1.2.40.0.10.2.1.1.55",
          "urn:oid:0.9.2342.19200300.100.1.3",
          "urn:oid:2.5.4.18",
          "urn:oid:1.2.40.0.10.2.1.1.261.94",
          "urn:oid:2.5.4.10",
          "urn:buergerbuero:unternehmen:registernummer",
          "urn:buergerbuero:personal:rolle",
          "urn:buergerbuero:personal:fachbereich");

  /**
   * Claim names of the OIDC login, as a Keycloak broker in front of BundID passes the attributes on
   * (standard OIDC claims where there is one).
   */
  public static final BundIdAttributes OIDC_CLAIMS =
      new BundIdAttributes(
          "bpk2",
          "given_name",
          "family_name",
          "birthdate",
          "email",
          "postbox",
          "trust_level",
          "organisation",
          "register_number",
          "staff_role",
          "department");
}
