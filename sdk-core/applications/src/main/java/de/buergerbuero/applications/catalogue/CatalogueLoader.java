package de.buergerbuero.applications.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.model.ApplicantKind;
import de.buergerbuero.kernel.model.Fee;
import de.buergerbuero.kernel.model.LeikaKey;
import de.buergerbuero.kernel.model.LocalizedText;
import de.buergerbuero.kernel.model.ServiceOffering;
import de.buergerbuero.kernel.model.TrustLevel;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a catalogue file (JSON, see {@code docs/catalogue-format.md}) and the JSON Schema of every
 * form it names, from a class loader. Everything is checked at start-up: a broken catalogue stops
 * the application with a message naming the service, instead of failing on a citizen's request.
 */
public final class CatalogueLoader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogueLoader() {}

  /** A schema registry for JSON Schema 2020-12 with German messages and JSON-pointer paths. */
  public static SchemaRegistry schemaRegistry() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .locale(Locale.GERMAN)
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
  }

  public static Catalogue load(ClassLoader loader, String resource) {
    JsonNode root = readJson(loader, resource);
    String base =
        resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
    Map<String, Department> departments = new LinkedHashMap<>();
    for (JsonNode d : root.path("departments")) {
      String id = d.path("id").asText();
      departments.put(id, new Department(id, text(d.path("name"))));
    }
    SchemaRegistry registry = schemaRegistry();
    List<ServiceOffering> services = new ArrayList<>();
    Map<String, JsonNode> schemas = new HashMap<>();
    Map<String, Schema> validators = new HashMap<>();
    Map<String, ServicePolicy> policies = new HashMap<>();
    for (JsonNode s : root.path("services")) {
      String id = s.path("id").asText();
      try {
        ServiceOffering offering = offering(s);
        if (!departments.containsKey(offering.department())) {
          throw invalid("service " + id + ": unknown department " + offering.department());
        }
        if (schemas.containsKey(offering.id())) {
          throw invalid("service " + id + " is listed twice");
        }
        JsonNode schema = readJson(loader, base + offering.formSchemaRef());
        validators.put(offering.id(), registry.getSchema(schema.toString()));
        schemas.put(offering.id(), schema);
        services.add(offering);
        policies.put(offering.id(), policy(s));
      } catch (BuergerbueroException e) {
        throw invalid("service " + id + ": " + e.getMessage());
      } catch (RuntimeException e) {
        throw invalid("service " + id + ": " + e);
      }
    }
    if (services.isEmpty()) {
      throw invalid(resource + " lists no services");
    }
    return new Catalogue(services, departments, schemas, validators, policies);
  }

  private static ServicePolicy policy(JsonNode s) {
    List<String> types = new ArrayList<>();
    for (JsonNode t : s.path("attachmentTypes")) {
      String type = t.asText();
      if (!type.matches("[a-z0-9.+-]+/([a-z0-9.+-]+|\\*)")) {
        throw invalid("attachmentTypes: not a media type: " + type);
      }
      types.add(type);
    }
    JsonNode retention = s.path("retentionDays");
    if (!retention.isMissingNode() && !(retention.canConvertToInt() && retention.asInt() >= 0)) {
      throw invalid("retentionDays: a number of days (0 or more)");
    }
    return new ServicePolicy(
        types,
        retention.isMissingNode()
            ? java.util.Optional.empty()
            : java.util.Optional.of(retention.asInt()));
  }

  private static ServiceOffering offering(JsonNode s) {
    Set<ApplicantKind> kinds = EnumSet.noneOf(ApplicantKind.class);
    for (JsonNode k : s.path("applicantKinds")) {
      kinds.add(ApplicantKind.valueOf(k.asText().toUpperCase(Locale.ROOT)));
    }
    List<LocalizedText> documents = new ArrayList<>();
    for (JsonNode d : s.path("requiredDocuments")) {
      documents.add(text(d));
    }
    List<String> keywords = new ArrayList<>();
    s.path("keywords").forEach(k -> keywords.add(k.asText()));
    JsonNode fee = s.path("fee");
    return new ServiceOffering(
        s.path("id").asText(),
        new LeikaKey(s.path("leikaKey").asText()),
        text(s.path("name")),
        s.has("description") ? text(s.path("description")) : null,
        s.path("department").asText(),
        TrustLevel.ofEidasLevel(s.path("trustLevel").asText("low")),
        kinds,
        s.path("formSchema").asText(null),
        fee.isMissingNode()
            ? Fee.FREE
            : new Fee(
                new BigDecimal(fee.path("amount").asText("0")), fee.path("note").asText(null)),
        documents,
        keywords);
  }

  private static LocalizedText text(JsonNode node) {
    return new LocalizedText(node.path("de").asText(null), node.path("en").asText(null));
  }

  private static JsonNode readJson(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw invalid("resource not found: " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw invalid("cannot read " + resource + ": " + e.getMessage());
    }
  }

  private static CatalogueInvalidException invalid(String detail) {
    return new CatalogueInvalidException(detail);
  }

  /** The catalogue or one of its form schemas is broken; the application must not start. */
  public static final class CatalogueInvalidException extends BuergerbueroException {
    private static final long serialVersionUID = 1L;

    CatalogueInvalidException(String detail) {
      super(ApplicationsError.CATALOGUE_INVALID, "Service catalogue invalid: " + detail);
    }
  }
}
