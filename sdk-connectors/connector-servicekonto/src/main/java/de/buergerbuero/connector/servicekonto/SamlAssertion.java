package de.buergerbuero.connector.servicekonto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The content of a validated assertion: only produced by {@link SamlResponseValidator} after the
 * IdP's signature, issuer, audience, recipient, times and request binding were checked.
 *
 * @param sessionIndex the IdP's session ({@code AuthnStatement/@SessionIndex}), named again in
 *     single logout; null when the IdP sent none
 */
public record SamlAssertion(
    String id,
    String nameId,
    Instant authnInstant,
    String authnContextClassRef,
    Map<String, List<String>> attributes,
    Instant notOnOrAfter,
    String sessionIndex) {
  public SamlAssertion {
    attributes = Map.copyOf(attributes);
  }

  /** An assertion without a {@code SessionIndex} (no single logout for it). */
  public SamlAssertion(
      String id,
      String nameId,
      Instant authnInstant,
      String authnContextClassRef,
      Map<String, List<String>> attributes,
      Instant notOnOrAfter) {
    this(id, nameId, authnInstant, authnContextClassRef, attributes, notOnOrAfter, null);
  }

  /** The first value of an attribute, or null. */
  public String first(String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public List<String> all(String name) {
    return attributes.getOrDefault(name, List.of());
  }
}
