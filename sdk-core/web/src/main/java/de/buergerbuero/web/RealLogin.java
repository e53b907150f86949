package de.buergerbuero.web;

/**
 * A real login a connector contributes (SAML or OIDC in {@code connector-servicekonto}): the web
 * front end and the development login page link to the enabled ones. Its start path accepts {@code
 * next} (a same-site path to return to) and {@code trustLevel} (an eIDAS level for step-up).
 */
public interface RealLogin {
  boolean enabled();

  /** E.g. {@code /saml/login}. */
  String loginPath();

  /** The link text, German first. */
  String label();
}
