package de.buergerbuero.connector.servicekonto;

/** An OIDC login was refused or could not be completed; the message holds no personal data. */
public class OidcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OidcException(String message) {
    super(message);
  }

  public OidcException(String message, Throwable cause) {
    super(message, cause);
  }
}
