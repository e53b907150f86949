package de.buergerbuero.connector.servicekonto;

/**
 * A SAML message was refused. The message names the reason for the log and the operator; it never
 * contains attribute values of the person.
 */
public class SamlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a response was refused; stable for logs and metrics. */
  public enum Reason {
    MALFORMED,
    NOT_SIGNED,
    SIGNATURE_INVALID,
    WRONG_ISSUER,
    WRONG_DESTINATION,
    WRONG_AUDIENCE,
    NOT_YET_VALID,
    EXPIRED,
    UNSOLICITED,
    REPLAYED,
    ENCRYPTED_NOT_SUPPORTED,
    /** An encrypted assertion could not be decrypted, or used an algorithm not allowed. */
    DECRYPTION_FAILED,
    /** A plain assertion although the SP requires encrypted ones. */
    NOT_ENCRYPTED,
    IDP_STATUS,
    MISSING_ATTRIBUTE,
    /** The staff identity source's answer carries no staff role. */
    NOT_STAFF,
    /** The staff identity source vouches for less than its configured minimum trust level. */
    TRUST_LEVEL,
    METADATA
  }

  private final Reason reason;

  public SamlException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public SamlException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
