package de.buergerbuero.applications.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.BuergerbueroException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Bescheid templates: a default and per-service overrides, read from a JSON resource of the
 * application ({@code buergerbuero.decision.templates}); without one, the SDK's built-in German and
 * English default applies. Checked at start-up: an unknown placeholder or a missing German text
 * stops the deployment with {@code BB-2016}.
 */
public final class DecisionTemplates {
  static final String BUILT_IN = "de/buergerbuero/applications/decision/default-templates.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("subject", "approved", "rejected", "remedy", "freeTextMaxLength");

  private final DecisionTemplate fallback;
  private final Map<String, DecisionTemplate> byService;

  private DecisionTemplates(DecisionTemplate fallback, Map<String, DecisionTemplate> byService) {
    this.fallback = fallback;
    this.byService = Map.copyOf(byService);
  }

  /** The template of a service (its own, else the default). */
  public DecisionTemplate forService(String serviceId) {
    return byService.getOrDefault(serviceId, fallback);
  }

  /**
   * Reads the templates; the town's resource may leave out fields of its default, which then come
   * from the built-in one.
   *
   * @param resource the town's resource, or null for the built-in templates only
   * @param serviceIds the catalogue's services: a template for any other service is an error
   */
  public static DecisionTemplates load(
      ClassLoader loader, String resource, Set<String> serviceIds) {
    JsonNode builtIn = read(DecisionTemplates.class.getClassLoader(), BUILT_IN);
    DecisionTemplate base = parse("default (built-in)", builtIn.path("default"), null);
    if (resource == null || resource.isBlank()) {
      return new DecisionTemplates(base, Map.of());
    }
    JsonNode town = read(loader, resource);
    if (town == null) {
      throw invalid("resource not found: " + resource);
    }
    DecisionTemplate fallback = parse("default", town.path("default"), base);
    Map<String, DecisionTemplate> byService = new HashMap<>();
    var it = town.path("services").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!serviceIds.contains(e.getKey())) {
        throw invalid("services." + e.getKey() + ": not a service of the catalogue");
      }
      byService.put(e.getKey(), parse("services." + e.getKey(), e.getValue(), fallback));
    }
    return new DecisionTemplates(fallback, byService);
  }

  private static DecisionTemplate parse(String where, JsonNode node, DecisionTemplate base) {
    if (node.isMissingNode()) {
      if (base == null) {
        throw invalid(where + ": missing");
      }
      return base;
    }
    try {
      node.fieldNames()
          .forEachRemaining(
              f -> {
                if (!FIELDS.contains(f)) {
                  throw new IllegalArgumentException("unknown field " + f + "; allowed: " + FIELDS);
                }
              });
      Map<String, Object> fields = new HashMap<>();
      if (node.has("subject")) {
        JsonNode s = node.path("subject");
        fields.put(
            "subject",
            new DecisionTemplate.Texts(s.path("de").asText(null), s.path("en").asText(null)));
      }
      for (String p : List.of("approved", "rejected", "remedy")) {
        if (node.has(p)) {
          fields.put(
              p,
              new DecisionTemplate.Paragraphs(
                  strings(node.path(p).path("de")), strings(node.path(p).path("en"))));
        }
      }
      if (node.has("freeTextMaxLength")) {
        if (!node.path("freeTextMaxLength").canConvertToInt()) {
          throw new IllegalArgumentException("freeTextMaxLength: a number");
        }
        fields.put("freeTextMaxLength", node.path("freeTextMaxLength").asInt());
      }
      if (base == null) {
        return new DecisionTemplate(
            (DecisionTemplate.Texts) fields.get("subject"),
            (DecisionTemplate.Paragraphs) fields.get("approved"),
            (DecisionTemplate.Paragraphs) fields.get("rejected"),
            (DecisionTemplate.Paragraphs) fields.get("remedy"),
            (Integer) fields.getOrDefault("freeTextMaxLength", 0));
      }
      return base.with(fields);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid(where + ": " + e.getMessage());
    }
  }

  private static List<String> strings(JsonNode array) {
    if (array.isMissingNode() || array.isNull()) {
      return null;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("paragraphs must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw new IllegalArgumentException("paragraphs must be non-empty strings");
      }
      out.add(n.asText());
    }
    return out;
  }

  private static JsonNode read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw invalid("cannot read " + resource + ": " + e.getMessage());
    }
  }

  private static TemplatesInvalidException invalid(String detail) {
    return new TemplatesInvalidException(detail);
  }

  /** The templates are broken; the application must not start. */
  public static final class TemplatesInvalidException extends BuergerbueroException {
    private static final long serialVersionUID = 1L;

    TemplatesInvalidException(String detail) {
      super(ApplicationsError.DECISION_TEMPLATES_INVALID, "Decision templates invalid: " + detail);
    }
  }
}
