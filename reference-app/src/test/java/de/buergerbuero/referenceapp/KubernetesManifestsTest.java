package de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes} and the container image definition,
 * checked without a cluster: each resource against the JSON schema of its kind (Kubernetes 1.34
 * core schemas, the Open Liberty Operator's CRD schema; see {@code kubernetes-schemas/README.md}).
 *
 * <p>The schemas are read strictly, as {@code kubectl apply} does with its default {@code
 * --validate=strict}: a field a schema does not know is an error, not silently pruned.
 */
class KubernetesManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SCHEMAS = "/kubernetes-schemas/";
  private static final String CRD =
      SCHEMAS + "open-liberty-operator-1.6.2/apps.openliberty.io_openlibertyapplications.yaml";
  private static final Map<String, String> CORE_SCHEMAS =
      Map.of(
          "v1/ConfigMap", "configmap-v1.json",
          "v1/Secret", "secret-v1.json",
          "v1/Service", "service-v1.json",
          "v1/PersistentVolumeClaim", "persistentvolumeclaim-v1.json",
          "policy/v1/PodDisruptionBudget", "poddisruptionbudget-policy-v1.json");
  private static final String OPEN_LIBERTY_APPLICATION =
      "apps.openliberty.io/v1/OpenLibertyApplication";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_4,
          b ->
              b.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
  private static final Map<String, Schema> FULL = new HashMap<>();
  private static final Map<String, Schema> PARTIAL = new HashMap<>();

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("bom/pom.xml"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  private static Path base() {
    return root().resolve("deploy/kubernetes/base");
  }

  private static Path overlay() {
    return root().resolve("deploy/kubernetes/overlays/example-town");
  }

  static List<JsonNode> readYaml(Path file) {
    try (var parser = YAML.createParser(file.toFile())) {
      return YAML.readValues(parser, JsonNode.class).readAll().stream()
          .filter(n -> n != null && !n.isNull() && !n.isMissingNode())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readYaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode resource(String name) {
    try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return name.endsWith(".json") ? new ObjectMapper().readTree(in) : YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String typeOf(JsonNode manifest) {
    return manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
  }

  /**
   * The schema of a resource's kind; {@code partial} for patches, which may omit required fields.
   */
  static synchronized Schema schemaFor(String type, boolean partial) {
    Map<String, Schema> cache = partial ? PARTIAL : FULL;
    Schema cached = cache.get(type);
    if (cached != null) {
      return cached;
    }
    ObjectNode schema;
    if (OPEN_LIBERTY_APPLICATION.equals(type)) {
      schema = crdSchema();
    } else {
      String file = CORE_SCHEMAS.get(type);
      assertThat(file).as("a schema for %s", type).isNotNull();
      schema = (ObjectNode) resource(SCHEMAS + "kubernetes-v1.34.0/" + file);
    }
    // "http://json-schema.org/schema#" (the core schemas' $schema) names no draft the validator
    // knows; the schemas are written for draft 4, the registry's default.
    schema.remove("$schema");
    strict(schema);
    if (partial) {
      withoutRequired(schema);
    }
    Schema loaded = REGISTRY.getSchema(schema);
    cache.put(type, loaded);
    return loaded;
  }

  /**
   * The v1 openAPIV3Schema of the CRD, with apiVersion and kind fixed and the standard object
   * metadata (which a CRD schema leaves open) taken from the core schemas.
   */
  private static ObjectNode crdSchema() {
    JsonNode crd = resource(CRD);
    for (JsonNode version : crd.path("spec").path("versions")) {
      if ("v1".equals(version.path("name").asText())) {
        ObjectNode schema =
            ((ObjectNode) version.path("schema").path("openAPIV3Schema")).deepCopy();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.set("apiVersion", constant("apps.openliberty.io/v1"));
        properties.set("kind", constant("OpenLibertyApplication"));
        properties.set(
            "metadata",
            resource(SCHEMAS + "kubernetes-v1.34.0/configmap-v1.json")
                .path("properties")
                .path("metadata")
                .deepCopy());
        schema.putArray("required").add("apiVersion").add("kind").add("metadata").add("spec");
        return schema;
      }
    }
    throw new AssertionError("no version v1 in " + CRD);
  }

  private static ObjectNode constant(String value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "string");
    node.putArray("enum").add(value);
    return node;
  }

  /** Unknown fields are errors, except where the schema keeps unknown fields on purpose. */
  private static void strict(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("properties") instanceof ObjectNode
          && !object.has("additionalProperties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        object.put("additionalProperties", false);
      }
      object.forEach(KubernetesManifestsTest::strict);
    } else if (node instanceof ArrayNode array) {
      array.forEach(KubernetesManifestsTest::strict);
    }
  }

  private static void withoutRequired(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("required") instanceof ArrayNode) {
        object.remove("required");
      }
      object.forEach(KubernetesManifestsTest::withoutRequired);
    } else if (node instanceof ArrayNode array) {
      array.forEach(KubernetesManifestsTest::withoutRequired);
    }
  }

  static List<String> errors(JsonNode manifest, boolean partial) {
    return schemaFor(typeOf(manifest), partial).validate(manifest).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }

  private static List<String> listed(JsonNode kustomization, String field) {
    List<String> files = new ArrayList<>();
    kustomization
        .path(field)
        .forEach(n -> files.add(n.isTextual() ? n.asText() : n.path("path").asText()));
    return files;
  }

  private static Map<String, JsonNode> baseResources() {
    JsonNode kustomization = readYaml(base().resolve("kustomization.yaml")).get(0);
    Map<String, JsonNode> resources = new LinkedHashMap<>();
    for (String file : listed(kustomization, "resources")) {
      for (JsonNode manifest : readYaml(base().resolve(file))) {
        resources.put(
            typeOf(manifest) + "/" + manifest.path("metadata").path("name").asText(), manifest);
      }
    }
    return resources;
  }

  private static JsonNode baseManifest(String kind) {
    return baseResources().values().stream()
        .filter(m -> kind.equals(m.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in the base"));
  }

  @Nested
  @DisplayName("the manifests against the Kubernetes and CRD schemas")
  class Schemas {
    @Test
    @DisplayName("every resource of the base is valid for its kind")
    void baseIsValid() {
      Map<String, JsonNode> resources = baseResources();
      assertThat(resources.values())
          .extracting(KubernetesManifestsTest::typeOf)
          .contains(
              OPEN_LIBERTY_APPLICATION,
              "v1/ConfigMap",
              "v1/Service",
              "v1/PersistentVolumeClaim",
              "policy/v1/PodDisruptionBudget");
      resources.forEach((id, manifest) -> assertThat(errors(manifest, false)).as(id).isEmpty());
    }

    @Test
    @DisplayName("every patch of the example town is a valid part of a resource the base has")
    void overlayPatchesAreValid() {
      JsonNode kustomization = readYaml(overlay().resolve("kustomization.yaml")).get(0);
      Map<String, JsonNode> base = baseResources();
      List<String> patches = listed(kustomization, "patches");
      assertThat(patches).isNotEmpty();
      for (String file : patches) {
        for (JsonNode patch : readYaml(overlay().resolve(file))) {
          String id = typeOf(patch) + "/" + patch.path("metadata").path("name").asText();
          assertThat(base).as("the resource %s patches", file).containsKey(id);
          assertThat(errors(patch, true)).as(file).isEmpty();
        }
      }
    }

    @Test
    @DisplayName("the example secrets are valid Secrets once generated from their env files")
    void exampleSecretsAreValid() throws IOException {
      JsonNode kustomization = readYaml(overlay().resolve("kustomization.yaml")).get(0);
      for (JsonNode generator : kustomization.path("secretGenerator")) {
        ObjectNode secret = JsonNodeFactory.instance.objectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
        secret.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = secret.putObject("stringData");
        for (JsonNode env : generator.path("envs")) {
          Path example = overlay().resolve(env.asText() + ".example");
          assertThat(example).as("an example of %s", env.asText()).exists();
          envFile(example).forEach(data::put);
        }
        assertThat(data.size()).isPositive();
        assertThat(errors(secret, false)).as(generator.path("name").asText()).isEmpty();
      }
    }

    @Test
    @DisplayName("each kustomization lists exactly the manifests beside it")
    void kustomizationsListEveryFile() throws IOException {
      JsonNode baseKustomization = readYaml(base().resolve("kustomization.yaml")).get(0);
      assertThat(listed(baseKustomization, "resources"))
          .containsExactlyInAnyOrderElementsOf(yamlFilesIn(base()));
      JsonNode overlayKustomization = readYaml(overlay().resolve("kustomization.yaml")).get(0);
      assertThat(listed(overlayKustomization, "patches"))
          .containsExactlyInAnyOrderElementsOf(yamlFilesIn(overlay()));
    }

    private List<String> yamlFilesIn(Path dir) throws IOException {
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
            .toList();
      }
    }
  }

  @Nested
  @DisplayName("a wrong manifest is rejected")
  class Rejected {
    @Test
    @DisplayName("a misspelt field of the OpenLibertyApplication (readyness) is rejected")
    void misspeltFieldInTheCustomResource() {
      ObjectNode manifest = baseManifest("OpenLibertyApplication").deepCopy();
      ObjectNode probes = (ObjectNode) manifest.path("spec").path("probes");
      probes.set("readyness", probes.remove("readiness"));
      assertThat(errors(manifest, false)).anyMatch(e -> e.contains("readyness"));
    }

    @Test
    @DisplayName("a number where the OpenLibertyApplication wants a string is rejected")
    void wrongTypeInTheCustomResource() {
      JsonNode manifest =
          readYaml(
              """
              apiVersion: apps.openliberty.io/v1
              kind: OpenLibertyApplication
              metadata:
                name: buergerbuero
              spec:
                applicationImage: registry.example.org/buergerbuero/reference-app:0.1.0
                autoscaling:
                  maxReplicas: "six"
              """);
      assertThat(errors(manifest, false))
          .anyMatch(e -> e.contains("/spec/autoscaling/maxReplicas"));
    }

    @Test
    @DisplayName("an OpenLibertyApplication without an image is rejected")
    void missingRequiredField() {
      ObjectNode manifest = baseManifest("OpenLibertyApplication").deepCopy();
      ((ObjectNode) manifest.get("spec")).remove("applicationImage");
      assertThat(errors(manifest, false)).anyMatch(e -> e.contains("applicationImage"));
    }

    @Test
    @DisplayName("a misspelt field of a PodDisruptionBudget (minAvaliable) is rejected")
    void misspeltFieldInACoreResource() {
      ObjectNode manifest = baseManifest("PodDisruptionBudget").deepCopy();
      ObjectNode spec = (ObjectNode) manifest.get("spec");
      spec.set("minAvaliable", spec.remove("minAvailable"));
      assertThat(errors(manifest, false)).anyMatch(e -> e.contains("minAvaliable"));
    }

    @Test
    @DisplayName("an unquoted boolean as a ConfigMap value is rejected")
    void unquotedBooleanInAConfigMap() {
      JsonNode manifest =
          readYaml(
              """
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: buergerbuero-config
              data:
                BUERGERBUERO_LOGIN_DEVELOPMENT: false
              """);
      assertThat(errors(manifest, false))
          .anyMatch(e -> e.contains("/data/BUERGERBUERO_LOGIN_DEVELOPMENT"));
    }

    @Test
    @DisplayName("a misspelt field in a patch is rejected although patches may omit fields")
    void misspeltFieldInAPatch() {
      JsonNode patch =
          readYaml(
              """
              apiVersion: v1
              kind: PersistentVolumeClaim
              metadata:
                name: buergerbuero-files
              spec:
                storageClass: nfs-client
              """);
      assertThat(errors(patch, true)).anyMatch(e -> e.contains("storageClass"));
    }
  }

  @Nested
  @DisplayName("the manifests fit the app")
  class FitTheApp {
    @Test
    @DisplayName(
        "startup, readiness and liveness probe the MicroProfile Health endpoints on the service port")
    void probes() {
      JsonNode spec = baseManifest("OpenLibertyApplication").path("spec");
      JsonNode probes = spec.path("probes");
      assertThat(probes.path("startup").path("httpGet").path("path").asText())
          .isEqualTo("/health/started");
      assertThat(probes.path("readiness").path("httpGet").path("path").asText())
          .isEqualTo("/health/ready");
      assertThat(probes.path("liveness").path("httpGet").path("path").asText())
          .isEqualTo("/health/live");
      for (String probe : List.of("startup", "readiness", "liveness")) {
        assertThat(probes.path(probe).path("httpGet").path("port").asInt())
            .as(probe)
            .isEqualTo(spec.path("service").path("port").asInt());
      }
    }

    @Test
    @DisplayName("the budget, the database address and the volume name what the base defines")
    void references() {
      JsonNode app = baseManifest("OpenLibertyApplication");
      assertThat(
              baseManifest("PodDisruptionBudget")
                  .path("spec")
                  .path("selector")
                  .path("matchLabels")
                  .path("app.kubernetes.io/instance")
                  .asText())
          .as("the operator labels the pods app.kubernetes.io/instance=<name>")
          .isEqualTo(app.path("metadata").path("name").asText());
      assertThat(baseManifest("ConfigMap").path("data").path("DB_HOST").asText())
          .isEqualTo(baseManifest("Service").path("metadata").path("name").asText());
      assertThat(
              app.path("spec")
                  .path("volumes")
                  .get(0)
                  .path("persistentVolumeClaim")
                  .path("claimName")
                  .asText())
          .isEqualTo(baseManifest("PersistentVolumeClaim").path("metadata").path("name").asText());
      String mount = app.path("spec").path("volumeMounts").get(0).path("mountPath").asText();
      baseManifest("ConfigMap")
          .path("data")
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().endsWith("_ROOT") || e.getKey().endsWith("_DIRECTORY")) {
                  assertThat(e.getValue().asText()).as(e.getKey()).startsWith(mount + "/");
                }
              });
      List<String> envFrom = new ArrayList<>();
      app.path("spec")
          .path("envFrom")
          .forEach(
              s ->
                  envFrom.add(
                      s.has("configMapRef")
                          ? s.path("configMapRef").path("name").asText()
                          : s.path("secretRef").path("name").asText()));
      assertThat(envFrom)
          .contains(baseManifest("ConfigMap").path("metadata").path("name").asText());
      JsonNode overlayKustomization = readYaml(overlay().resolve("kustomization.yaml")).get(0);
      List<String> generated = new ArrayList<>();
      overlayKustomization
          .path("secretGenerator")
          .forEach(g -> generated.add(g.path("name").asText()));
      assertThat(generated)
          .as("secrets the application reads")
          .containsAll(envFrom.subList(1, envFrom.size()));
    }

    @Test
    @DisplayName("every environment variable the manifests and the image set is one the app reads")
    void environmentVariablesAreKnown() throws IOException {
      Set<String> names = new TreeSet<>();
      baseManifest("ConfigMap").path("data").fieldNames().forEachRemaining(names::add);
      try (Stream<Path> files = Files.list(overlay())) {
        for (Path f : files.filter(p -> p.toString().endsWith(".env.example")).toList()) {
          names.addAll(envFile(f).keySet());
        }
      }
      names.addAll(containerfileEnv().keySet());
      Set<String> known = knownKeys();
      assertThat(names)
          .allSatisfy(
              name ->
                  assertThat(
                          known.contains(name)
                              || known.stream()
                                  .anyMatch(k -> k.endsWith("_") && name.startsWith(k)))
                      .as(
                          "%s is a Liberty variable of server.xml or a MicroProfile Config key",
                          name)
                      .isTrue());
    }

    /** server.xml variables and MicroProfile Config keys of the SDK, as environment names. */
    private Set<String> knownKeys() throws IOException {
      Set<String> keys = new TreeSet<>();
      String serverXml =
          Files.readString(root().resolve("reference-app/src/main/liberty/config/server.xml"));
      Matcher variable = Pattern.compile("<variable name=\"([^\"]+)\"").matcher(serverXml);
      while (variable.find()) {
        keys.add(variable.group(1));
      }
      // variables without a default (secrets such as db.password) are only referenced
      Matcher reference = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)}").matcher(serverXml);
      while (reference.find()) {
        keys.add(reference.group(1));
      }
      Properties config = new Properties();
      try (InputStream in =
          Files.newInputStream(
              root()
                  .resolve(
                      "reference-app/src/main/resources/META-INF/microprofile-config.properties"))) {
        config.load(in);
      }
      keys.addAll(config.stringPropertyNames());
      Pattern literal = Pattern.compile("\"(buergerbuero\\.[a-z0-9.-]+)\"");
      try (Stream<Path> files = Files.walk(root())) {
        for (Path java :
            files
                .filter(p -> p.toString().endsWith(".java"))
                .filter(p -> p.toString().contains("/src/main/java/"))
                .filter(
                    p ->
                        !p.toString().contains("/target/")
                            && !p.toString().contains("archetype-resources"))
                .toList()) {
          Matcher m = literal.matcher(Files.readString(java));
          while (m.find()) {
            keys.add(m.group(1));
          }
        }
      }
      return keys.stream()
          .map(k -> k.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Nested
  @DisplayName("the container image definition")
  class ContainerImage {
    private List<String> instructions() throws IOException {
      String text = Files.readString(root().resolve("reference-app/Containerfile"));
      return Stream.of(text.replace("\\\n", " ").split("\n"))
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }

    @Test
    @DisplayName(
        "follows Open Liberty's conventions: files owned by 1001:0 in /config, features.sh, configure.sh last, not root")
    void openLibertyConventions() throws IOException {
      List<String> lines = instructions();
      assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).toList()).hasSize(1);
      assertThat(lines)
          .anyMatch(l -> l.startsWith("ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:"));
      List<String> copies = lines.stream().filter(l -> l.startsWith("COPY ")).toList();
      assertThat(copies)
          .isNotEmpty()
          .allMatch(l -> l.startsWith("COPY --chown=1001:0 ") && l.contains(" /config/"));
      assertThat(copies)
          .anyMatch(l -> l.endsWith("/config/apps/"))
          .anyMatch(l -> l.endsWith("/config/jdbc/"));
      List<String> runs = lines.stream().filter(l -> l.startsWith("RUN ")).toList();
      assertThat(runs).contains("RUN features.sh");
      assertThat(runs.get(runs.size() - 1)).isEqualTo("RUN configure.sh");
      List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
      assertThat(users.get(users.size() - 1)).isEqualTo("USER 1001");
    }

    @Test
    @DisplayName("bakes in neither a secret nor the development login")
    void noSecrets() throws IOException {
      assertThat(instructions()).noneMatch(l -> l.contains("dev-login.xml"));
      assertThat(containerfileEnv().keySet())
          .noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET") || k.contains("KEY"));
      assertThat(containerfileEnv()).containsEntry("BUERGERBUERO_LOGIN_DEVELOPMENT", "false");
    }
  }

  private static Map<String, String> containerfileEnv() throws IOException {
    String text =
        Files.readString(root().resolve("reference-app/Containerfile")).replace("\\\n", " ");
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("ENV ")) {
        for (String pair : line.substring(4).trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return env;
  }

  private static Map<String, String> envFile(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int eq = line.indexOf('=');
        env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return env;
  }
}
