package de.buergerbuero.applications.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.spi.forms.FormSubmission;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one form of a form server becomes an application of one service: configuration, not code
 * ({@code docs/form-mapping.md}). {@code fields} maps a path of the service's form data to a path
 * of the submission, optionally typed ({@code /antrag/jahre:integer}, {@code :number}, {@code
 * :boolean}); {@code applicant} names the submission's fields of the applicant.
 */
public record FormMapping(
    String source,
    String formId,
    String serviceId,
    TrustLevel trustLevel,
    ApplicantKind applicantKind,
    String subjectPath,
    String namePath,
    Map<String, String> fields) {

  public static List<FormMapping> read(InputStream json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      List<FormMapping> mappings = new ArrayList<>();
      for (JsonNode f : root.path("forms")) {
        Map<String, String> fields = new LinkedHashMap<>();
        f.path("fields")
            .fields()
            .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        mappings.add(
            new FormMapping(
                text(f, "source"),
                text(f, "formId"),
                text(f, "serviceId"),
                TrustLevel.valueOf(f.path("trustLevel").asText("LOW").toUpperCase(Locale.ROOT)),
                ApplicantKind.valueOf(
                    f.path("applicantKind").asText("CITIZEN").toUpperCase(Locale.ROOT)),
                f.path("applicant").path("subject").asText(null),
                text(f.path("applicant"), "name"),
                fields));
      }
      return mappings;
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("Form mapping invalid: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' missing");
    }
    return value;
  }

  /** The service's form data built from a submission; missing source fields are left out. */
  public ObjectNode formData(FormSubmission submission) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    fields.forEach(
        (target, sourceSpec) -> {
          String[] spec = sourceSpec.split(":", 2);
          String value = submission.fields().get(spec[0]);
          if (value == null) {
            return;
          }
          String[] segments = target.substring(target.startsWith("/") ? 1 : 0).split("/");
          ObjectNode node = data;
          for (int i = 0; i < segments.length - 1; i++) {
            node =
                node.has(segments[i])
                    ? (ObjectNode) node.get(segments[i])
                    : node.putObject(segments[i]);
          }
          String key = segments[segments.length - 1];
          String type = spec.length > 1 ? spec[1] : "string";
          try {
            switch (type) {
              case "integer" -> node.put(key, Long.parseLong(value.trim()));
              case "number" ->
                  node.put(key, new java.math.BigDecimal(value.trim().replace(',', '.')));
              case "boolean" ->
                  node.put(
                      key,
                      List.of("true", "ja", "1", "yes")
                          .contains(value.trim().toLowerCase(Locale.ROOT)));
              default -> node.put(key, value);
            }
          } catch (NumberFormatException e) {
            node.put(key, value); // the schema validation names the field
          }
        });
    return data;
  }
}
