package de.buergerbuero.connector.formsolutions.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P values as the plain tree {@code FormFields.fromTree} reads. */
public final class JsonTrees {
  private JsonTrees() {}

  /**
   * Objects become {@code Map}s (order kept), arrays {@code List}s, strings their text, numbers and
   * booleans their JSON text, {@code null} {@code null}.
   */
  public static Object plain(JsonValue value) {
    if (value == null) {
      return null;
    }
    switch (value.getValueType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(v -> list.add(plain(v)));
        return list;
      case STRING:
        return ((JsonString) value).getString();
      case NULL:
        return null;
      default:
        return value.toString();
    }
  }
}
