package de.buergerbuero.kernel.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents every error answer of the API as what it is: RFC 9457 {@code application/problem+json}
 * with the SDK's stable {@code code}. Register with {@code
 * mp.openapi.filter=de.buergerbuero.kernel.rest.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {
  private static final String REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations()
                    .values()
                    .forEach(
                        operation -> {
                          if (operation.getResponses() == null
                              || operation.getResponses().getAPIResponses() == null) {
                            return;
                          }
                          if (operation.getResponses().getDefaultValue() == null) {
                            operation
                                .getResponses()
                                .setDefaultValue(
                                    OASFactory.createAPIResponse()
                                        .description(
                                            "Fehler / error: RFC 9457 problem with a stable code"
                                                + " (docs/error-codes.md)")
                                        .content(problemContent()));
                          }
                          operation
                              .getResponses()
                              .getAPIResponses()
                              .forEach(
                                  (status, response) -> {
                                    if (status.matches("[45]\\d\\d")
                                        && (response.getContent() == null
                                            || response.getContent().getMediaTypes() == null
                                            || response.getContent().getMediaTypes().isEmpty())) {
                                      response.setContent(problemContent());
                                    }
                                  });
                        }));
  }

  private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            ProblemDetail.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
  }

  private static Schema problemSchema() {
    // ordered maps: the published document must be the same on every start
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", text("problem type URI"));
    properties.put("title", text("short title in the caller's language"));
    properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    properties.put("detail", text("what went wrong here, no personal data"));
    properties.put("code", text("stable error code").examples(List.of("BB-2002")));
    properties.put("instance", text("the request path"));
    properties.put("requiredTrustLevel", text("BB-1010: the eIDAS level to log in with (step-up)"));
    Map<String, Schema> field = new LinkedHashMap<>();
    field.put("field", text("JSON pointer or form field"));
    field.put("message", text("a message the person can act on"));
    properties.put(
        "errors",
        OASFactory.createSchema()
            .addType(Schema.SchemaType.ARRAY)
            .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(field)));
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "RFC 9457 problem: title in the caller's language (German by default), a stable code"
                + " BB-nnnn (docs/error-codes.md), the invalid fields for validation problems.")
        .required(List.of("type", "title", "status", "code"))
        .properties(properties);
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }
}
