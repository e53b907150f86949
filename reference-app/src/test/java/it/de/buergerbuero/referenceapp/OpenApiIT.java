package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document of the running reference app is checked in as docs/openapi/openapi.yaml and
 * must be current ({@code -Dopenapi.update=true} rewrites it); every operation is described.
 */
@DisplayName("OpenAPI document")
class OpenApiIT {
  private static final Path DOC = Path.of("..", "docs", "openapi", "openapi.yaml");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** The document without the servers block, which names the host the test happened to use. */
  static String normalized(String yaml) {
    StringBuilder out = new StringBuilder();
    boolean inServers = false;
    for (String line : yaml.split("\n", -1)) {
      if (line.startsWith("servers:")) {
        inServers = true;
        continue;
      }
      if (inServers && (line.startsWith(" ") || line.startsWith("-"))) {
        continue;
      }
      inServers = false;
      out.append(line).append('\n');
    }
    return out.toString().strip() + "\n";
  }

  @Test
  @DisplayName("docs/openapi/openapi.yaml is what the server publishes")
  void checkedInDocumentIsCurrent() throws Exception {
    var response = Api.get("/openapi", null);
    assertThat(response.statusCode()).isEqualTo(200);
    String current = normalized(response.body());
    Files.writeString(Path.of("target", "openapi.yaml"), current, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("openapi.update")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, current, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/openapi/openapi.yaml is stale: rerun the ITs with -Dopenapi.update=true")
        .isEqualTo(current);
  }

  @Test
  @DisplayName(
      "every operation has a summary and documents its errors as problem+json; every schema is"
          + " described, request bodies have examples")
  void everyOperationIsDescribed() {
    JsonObject doc = Api.object(Api.get("/openapi?format=JSON", null));
    List<String> undocumented = new ArrayList<>();
    int operations = 0;
    for (var path : doc.getJsonObject("paths").entrySet()) {
      for (var op : path.getValue().asJsonObject().entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        JsonObject operation = op.getValue().asJsonObject();
        JsonValue summary = operation.get("summary");
        if (summary == null || operation.getString("summary").isBlank()) {
          undocumented.add(op.getKey().toUpperCase() + " " + path.getKey());
        }
        assertThat(operation.getJsonObject("responses").getJsonObject("default").toString())
            .as("errors of %s %s documented as problem+json", op.getKey(), path.getKey())
            .contains("application/problem+json");
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(35);
    List<String> schemasWithoutDescription = new ArrayList<>();
    doc.getJsonObject("components")
        .getJsonObject("schemas")
        .forEach(
            (name, schema) -> {
              if (!schema.asJsonObject().containsKey("description")) {
                schemasWithoutDescription.add(name);
              }
            });
    assertThat(schemasWithoutDescription).as("schemas without a description").isEmpty();
    for (String request :
        List.of("HoldRequest", "ContactRequest", "RescheduleRequest", "TransitionRequest")) {
      assertThat(doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(request))
          .as("example of " + request)
          .containsKey("examples");
    }
    assertThat(undocumented).as("operations without a summary").isEmpty();
  }
}
