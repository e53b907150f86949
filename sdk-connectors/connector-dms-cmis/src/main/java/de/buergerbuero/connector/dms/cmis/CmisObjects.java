package de.buergerbuero.connector.dms.cmis;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the properties of a CMIS object as the browser binding writes them (CMIS 1.1 §5.2.4 and
 * §5.4.2): {@code succinctProperties} ({@code "cmis:name": "a.pdf"}) when the request said {@code
 * succinct=true}, else {@code properties} ({@code "cmis:name": {"id": …, "type": "string",
 * "cardinality": "single", "value": "a.pdf"}}). A server may ignore {@code succinct}, so both forms
 * are read, succinct first.
 *
 * <p>Values as §5.2.4 maps CMIS types to JSON: id and string as JSON strings, integer as a JSON
 * number without fraction, {@code null} for "value not set" (§5.2.7), multi-valued properties as
 * arrays. A value of another JSON type is not CMIS JSON and is refused with the property's name, as
 * the transport refuses any other malformed answer (retryable: it is usually a proxy or a broken
 * deployment, not the filing).
 */
final class CmisObjects {
  private CmisObjects() {}

  /**
   * The JSON value of a property, from either form; missing when the answer does not carry it,
   * {@code null} node when it is not set.
   */
  static JsonNode value(JsonNode object, String propertyId) {
    JsonNode succinct = object.path("succinctProperties");
    if (succinct.isObject() && succinct.has(propertyId)) {
      return succinct.get(propertyId);
    }
    JsonNode full = object.path("properties").path(propertyId);
    if (full.isObject()) {
      return full.has("value") ? full.get("value") : full.path("value");
    }
    return full;
  }

  /** A single-valued id or string property; empty when absent or not set. */
  static Optional<String> string(JsonNode object, String propertyId) {
    JsonNode value = value(object, propertyId);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw malformed(propertyId, "keine Zeichenkette", value);
    }
    return Optional.of(value.textValue());
  }

  /** A single-valued integer property (JSON number without fraction); empty when not set. */
  static OptionalLong integer(JsonNode object, String propertyId) {
    JsonNode value = value(object, propertyId);
    if (value.isMissingNode() || value.isNull()) {
      return OptionalLong.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return OptionalLong.of(value.longValue());
    }
    if (value.isFloatingPointNumber()
        && value.decimalValue().stripTrailingZeros().scale() <= 0
        && value.canConvertToLong()) {
      // 1024.0 or 1.024E3: the same JSON number as 1024 (RFC 8259 §6 knows no integer type)
      return OptionalLong.of(value.decimalValue().longValueExact());
    }
    throw malformed(propertyId, "keine Ganzzahl", value);
  }

  /** {@code cmis:objectId} of an object; an answer without one is not a CMIS object. */
  static String objectId(JsonNode object) {
    return string(object, "cmis:objectId")
        .filter(id -> !id.isEmpty())
        .orElseThrow(
            () -> DocumentStoreException.unavailable("CMIS-Antwort ohne cmis:objectId", null));
  }

  private static DocumentStoreException malformed(String propertyId, String what, JsonNode value) {
    String shown = value.toString();
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "…";
    }
    return DocumentStoreException.unavailable(
        "CMIS-Antwort: " + propertyId + " ist " + what + " (" + shown + ")", null);
  }
}
