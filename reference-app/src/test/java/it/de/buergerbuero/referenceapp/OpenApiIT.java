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

  /** The document as published; servers name the deployment's buergerbuero.public-url. */
  static String normalized(String yaml) {
    return yaml.strip() + "\n";
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
        List.of(
            "HoldRequest",
            "ContactRequest",
            "RescheduleRequest",
            "TransitionRequest",
            "DecisionRequest")) {
      assertThat(doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(request))
          .as("example of " + request)
          .containsKey("examples");
    }
    assertThat(undocumented).as("operations without a summary").isEmpty();
  }

  @Test
  @DisplayName(
      "a contract for generated clients: operationIds, x-access and security on every operation,"
          + " ASCII tags with German display names, typed bodies, problem examples, license,"
          + " servers (issue 21)")
  void everyOperationIsAContract() {
    JsonObject doc = Api.object(Api.get("/openapi?format=JSON", null));
    assertThat(doc.getJsonObject("info").getJsonObject("license").getString("identifier"))
        .isEqualTo("EUPL-1.2");
    assertThat(doc.getJsonArray("servers")).isNotEmpty();
    Set<String> schemes = doc.getJsonObject("components").getJsonObject("securitySchemes").keySet();
    assertThat(schemes).contains("session", "csrf", "basic", "formServer", "callbackSignature");
    for (JsonValue tag : doc.getJsonArray("tags")) {
      assertThat(tag.asJsonObject().getString("name"))
          .as("tag names become class names: ASCII letters only")
          .matches("[A-Za-z]+");
      assertThat(tag.asJsonObject().getString("x-displayName", "")).isNotBlank();
    }
    Set<String> ids = new java.util.HashSet<>();
    List<String> problems = new ArrayList<>();
    int operations = 0;
    int withExamples = 0;
    for (var path : doc.getJsonObject("paths").entrySet()) {
      for (var op : path.getValue().asJsonObject().entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonObject operation = op.getValue().asJsonObject();
        String id = operation.getString("operationId", "");
        if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
          problems.add(name + ": operationId missing, not camelCase or not unique: " + id);
        }
        String access = operation.getString("x-access", "");
        if (!Set.of(
                "public",
                "citizen",
                "staff",
                "admin",
                "form-server",
                "form-callback",
                "delivery-callback")
            .contains(access)) {
          problems.add(name + ": x-access missing or unknown: " + access);
        }
        if (!operation.containsKey("security")) {
          problems.add(name + ": no security requirements");
        }
        if (path.getKey().startsWith("/api/v1/admin/") && !access.equals("admin")
            || path.getKey().startsWith("/api/v1/staff/") && !access.equals("staff")) {
          problems.add(name + ": admin and staff paths must say so in x-access");
        }
        if (operation.containsKey("requestBody")) {
          operation
              .getJsonObject("requestBody")
              .getJsonObject("content")
              .forEach(
                  (type, media) -> {
                    String schema =
                        media
                            .asJsonObject()
                            .getOrDefault("schema", JsonValue.EMPTY_JSON_OBJECT)
                            .toString();
                    if (schema.contains("\"binary\"") && !type.startsWith("multipart/")) {
                      problems.add(name + ": request body " + type + " is untyped binary");
                    }
                  });
        }
        if (operation.getJsonObject("responses").keySet().stream()
            .noneMatch(status -> status.startsWith("2"))) {
          problems.add(name + ": no success answer");
        }
        boolean example = false;
        for (var response : operation.getJsonObject("responses").entrySet()) {
          JsonObject r = response.getValue().asJsonObject();
          JsonObject content = r.getJsonObject("content");
          if (response.getKey().matches("[45]\\d\\d|default")) {
            JsonObject problem =
                content == null ? null : content.getJsonObject("application/problem+json");
            if (problem == null || !problem.containsKey("example")) {
              problems.add(name + " " + response.getKey() + ": problem without example");
            } else {
              example = true;
            }
          } else if (content != null) {
            content.forEach(
                (type, media) -> {
                  if (!media.asJsonObject().containsKey("schema")) {
                    problems.add(name + " " + response.getKey() + " " + type + ": no schema");
                  }
                });
          }
        }
        if (example) {
          withExamples++;
        }
      }
    }
    System.out.printf(
        "OpenAPI contract: %d operations, %d with problem examples%n", operations, withExamples);
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName(
      "Redocly CLI (recommended ruleset, pinned version) finds no error (bin/openapi-lint)")
  void redoclyFindsNoError() throws Exception {
    var response = Api.get("/openapi", null);
    Path served = Path.of("target", "openapi-served.yaml");
    Files.writeString(served, response.body(), StandardCharsets.UTF_8);
    Process lint =
        new ProcessBuilder("bash", "../bin/openapi-lint", served.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = lint.waitFor();
    Files.writeString(Path.of("target", "openapi-lint.txt"), output, StandardCharsets.UTF_8);
    String summary =
        output
            .lines()
            .filter(l -> l.contains("Validation") || l.contains("Woohoo"))
            .findFirst()
            .orElse(output);
    System.out.println("Redocly: " + summary);
    assertThat(exit).as("Redocly lint (target/openapi-lint.txt):%n%s", output).isZero();
  }
}
