package de.buergerbuero.kernel.spi.forms;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns a form's JSON (as a tree of maps, lists and scalars, e.g. from Jackson's {@code
 * convertValue(node, Object.class)}) or XML payload into path → text pairs ({@code
 * /antrag/anschrift/ort}; array items and repeated elements get their index, {@code
 * /kinder/1/vorname}). The XML parser accepts no DTD and resolves no entities, so XXE and entity
 * expansion ("billion laughs") cannot happen.
 */
public final class FormFields {
  public static final int MAX_FIELDS = 5_000;
  public static final int MAX_DEPTH = 32;

  private FormFields() {}

  /** Flattens a JSON tree: {@code Map} objects, {@code List} arrays, scalars. */
  public static Map<String, String> fromTree(Object payload) {
    Map<String, String> fields = new LinkedHashMap<>();
    walk(payload, "", fields, 0);
    return fields;
  }

  private static void walk(Object node, String path, Map<String, String> fields, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("payload nested deeper than " + MAX_DEPTH);
    }
    if (node instanceof Map<?, ?> object) {
      for (Map.Entry<?, ?> e : object.entrySet()) {
        walk(e.getValue(), path + "/" + escape(String.valueOf(e.getKey())), fields, depth + 1);
      }
    } else if (node instanceof java.util.List<?> array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), path + "/" + i, fields, depth + 1);
      }
    } else if (node != null) {
      if (fields.size() >= MAX_FIELDS) {
        throw new IllegalArgumentException("more than " + MAX_FIELDS + " fields");
      }
      fields.put(path, String.valueOf(node));
    }
  }

  /** JSON pointer escaping (RFC 6901). */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Flattens XML; no DTD, no entity references. */
  public static Map<String, String> fromXml(byte[] xml) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Map<String, String> fields = new LinkedHashMap<>();
    Deque<String> path = new ArrayDeque<>();
    Deque<Map<String, Integer>> seen = new ArrayDeque<>();
    Deque<StringBuilder> text = new ArrayDeque<>();
    seen.push(new HashMap<>());
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new IllegalArgumentException("XML with a DTD is not accepted");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new IllegalArgumentException("XML with entity references is not accepted");
          case XMLStreamConstants.START_ELEMENT -> {
            if (path.size() >= MAX_DEPTH) {
              throw new IllegalArgumentException("XML nested deeper than " + MAX_DEPTH);
            }
            String name = r.getLocalName();
            int index = seen.peek().merge(name, 1, Integer::sum) - 1;
            String parent = path.isEmpty() ? "" : path.peek();
            path.push(parent + "/" + escape(name) + (index > 0 ? "/" + index : ""));
            seen.push(new HashMap<>());
            text.push(new StringBuilder());
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!text.isEmpty()) {
              text.peek().append(r.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            String p = path.pop();
            Map<String, Integer> children = seen.pop();
            String value = text.pop().toString().strip();
            if (children.isEmpty() && !value.isEmpty()) {
              if (fields.size() >= MAX_FIELDS) {
                throw new IllegalArgumentException("more than " + MAX_FIELDS + " fields");
              }
              fields.put(p, value);
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("XML not well-formed: " + e.getClass().getSimpleName());
    }
    return fields;
  }
}
