package de.buergerbuero.connector.servicekonto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The content of a validated assertion: only produced by {@link SamlResponseValidator} after the
 * IdP's signature, issuer, audience, recipient, times and request binding were checked.
 */
public record SamlAssertion(
    String id,
    String nameId,
    Instant authnInstant,
    String authnContextClassRef,
    Map<String, List<String>> attributes,
    Instant notOnOrAfter) {
  public SamlAssertion {
    attributes = Map.copyOf(attributes);
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
