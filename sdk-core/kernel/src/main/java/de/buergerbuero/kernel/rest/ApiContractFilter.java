package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.error.ErrorCatalog;
import de.buergerbuero.kernel.error.ErrorCode;
import de.buergerbuero.kernel.error.KernelError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes the published OpenAPI document a contract integrators can generate clients from (ADR 0021),
 * the same for every module's resources. Register with {@code
 * mp.openapi.filter=de.buergerbuero.kernel.rest.ApiContractFilter}.
 *
 * <ul>
 *   <li>{@code info.license} EUPL-1.2 with its SPDX identifier; {@code servers}: this deployment's
 *       {@code buergerbuero.public-url}.
 *   <li>The security schemes as deployed: the browser session cookie after the SAML/OIDC login, its
 *       CSRF header, HTTP Basic (development login), the form servers' own credentials and callback
 *       signature.
 *   <li>Each operation declares who may call it with the extension {@code x-access} (one of {@link
 *       #ACCESS_KINDS}); its {@code security} is derived from that and the method, and the problems
 *       every protected operation can answer (401, 403 for role and CSRF) are added.
 *   <li>Every error answer is RFC 9457 {@code application/problem+json} with the SDK's stable
 *       {@code code}; each gets an example built from the code its description names (or the
 *       kernel's code for that status), from the modules' {@link ErrorCatalog}s.
 * </ul>
 */
public class ApiContractFilter implements OASFilter {
  /** The extension every operation carries: who may call it. */
  public static final String ACCESS = "x-access";

  /** The values of {@value #ACCESS}. */
  public static final Set<String> ACCESS_KINDS =
      Set.of(
          "public",
          "citizen",
          "staff",
          "admin",
          "form-server",
          "form-callback",
          "delivery-callback");

  static final String SESSION = "session";
  static final String CSRF = "csrf";
  static final String BASIC = "basic";
  static final String FORM_SERVER = "formServer";
  static final String CALLBACK = "callbackSignature";

  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final Pattern CODE = Pattern.compile("BB-\\d{4}");
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Map<String, ErrorCode> codes = new TreeMap<>();

  /**
   * Only the development profile accepts HTTP Basic (the development login); elsewhere the document
   * does not offer it.
   */
  private final boolean development =
      "development"
          .equals(
              ConfigProvider.getConfig()
                  .getOptionalValue("buergerbuero.profile", String.class)
                  .orElse(""));

  public ApiContractFilter() {
    for (ClassLoader loader :
        List.of(
            Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(ApiContractFilter.class.getClassLoader()),
            ApiContractFilter.class.getClassLoader())) {
      ServiceLoader.load(ErrorCatalog.class, loader)
          .forEach(catalog -> catalog.codes().forEach(c -> codes.putIfAbsent(c.code(), c)));
    }
    for (KernelError c : KernelError.values()) {
      codes.putIfAbsent(c.code(), c);
    }
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    info(openAPI);
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    securitySchemes(development).forEach(openAPI.getComponents()::addSecurityScheme);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> operation(item, method.name(), operation)));
  }

  private static void info(OpenAPI openAPI) {
    if (openAPI.getInfo() == null) {
      openAPI.setInfo(OASFactory.createInfo().title("Bürgerbüro API").version("1.0"));
    }
    if (openAPI.getInfo().getLicense() == null) {
      openAPI.getInfo().setLicense(OASFactory.createLicense().name("EUPL-1.2"));
    }
    var license = openAPI.getInfo().getLicense();
    if (license.getIdentifier() == null
        && license.getUrl() == null
        && license.getName() != null
        && license.getName().contains("EUPL")) {
      // the SDK's licence, by its SPDX identifier (OpenAPI 3.1; generators validate it)
      license.setIdentifier("EUPL-1.2");
    }
    if (openAPI.getInfo().getDescription() == null) {
      openAPI
          .getInfo()
          .setDescription(
              "REST API of the Digitales Bürgerbüro: service catalogue, applications (Anträge),"
                  + " appointments, case work for clerks, administration. Errors are RFC 9457"
                  + " problems with a stable code (docs/error-codes.md). Who may call an operation"
                  + " says its x-access (public, citizen, staff, admin, form-server,"
                  + " form-callback, delivery-callback) and its security requirements.");
    }
    Optional<String> publicUrl =
        ConfigProvider.getConfig().getOptionalValue("buergerbuero.public-url", String.class);
    if (publicUrl.isPresent()) {
      openAPI.setServers(
          List.of(
              OASFactory.createServer()
                  .url(publicUrl.get().replaceAll("/+$", ""))
                  .description("this deployment (buergerbuero.public-url)")));
    }
  }

  private static Map<String, SecurityScheme> securitySchemes(boolean development) {
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    schemes.put(
        SESSION,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE)
            .name("JSESSIONID")
            .description(
                "Browser session. Citizens and companies log in at /login: SAML 2.0 against"
                    + " BundID / Mein Unternehmenskonto (/saml/login, answer at /saml/acs) or"
                    + " OpenID Connect code flow with PKCE (/oidc/login, answer at"
                    + " /oidc/callback); staff log in against the town's directory. A"
                    + " state-changing request of a session also needs the csrf header."));
    schemes.put(
        CSRF,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("X-CSRF-Token")
            .description(
                "The session's CSRF token from GET /api/v1/session (csrfToken), sent with every"
                    + " POST, PUT, PATCH and DELETE of a browser session (BB-1013 without it)."));
    if (development) {
      schemes.put(
          BASIC,
          OASFactory.createSecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("basic")
              .description(
                  "HTTP Basic of the development login: only under the development profile"
                      + " (buergerbuero.profile=development), users anna, ben (citizens), firma"
                      + " (company), clerk-ordnung, clerk-gewerbe (clerks), admin; password = user"
                      + " name. Never in production."));
    }
    schemes.put(
        FORM_SERVER,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("basic")
            .description(
                "The credentials agreed with a pushing form server"
                    + " (formsolutions: client-number and api-key)."));
    schemes.put(
        CALLBACK,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("callback-authentication")
            .description(
                "FIT-Connect callback: HMAC-SHA512 over callback-timestamp, '.', body with the"
                    + " callback secret; at most 5 minutes old; each callback once."));
    return schemes;
  }

  private void operation(PathItem item, String method, Operation operation) {
    Object declared =
        operation.getExtensions() == null ? null : operation.getExtensions().get(ACCESS);
    String access = declared == null ? null : declared.toString();
    boolean safe = SAFE.contains(method);
    if (access != null && ACCESS_KINDS.contains(access) && operation.getSecurity() == null) {
      operation.setSecurity(security(access, safe, development));
    }
    if (operation.getResponses() == null) {
      return;
    }
    if (access != null && !access.equals("public")) {
      addIfMissing(operation, "401", KernelError.NOT_AUTHENTICATED, "Nicht angemeldet");
    }
    if ("staff".equals(access) || "admin".equals(access)) {
      addIfMissing(
          operation,
          "403",
          KernelError.FORBIDDEN,
          "Nur für " + ("admin".equals(access) ? "die Administration" : "die Sachbearbeitung"));
    } else if ("citizen".equals(access)) {
      addIfMissing(
          operation,
          "403",
          KernelError.FORBIDDEN,
          safe
              ? "Nur für Antragstellende"
              : "CSRF-Token der Sitzung fehlt (BB-1013) oder nur für Antragstellende");
    }
    if (hasPathParameter(item, operation)) {
      addIfMissing(operation, "404", KernelError.NOT_FOUND, "Nicht gefunden");
    }
    if (operation.getRequestBody() != null) {
      addIfMissing(operation, "400", KernelError.MALFORMED_REQUEST, "Anfrage nicht lesbar");
    }
    if (operation.getResponses().getDefaultValue() == null) {
      operation
          .getResponses()
          .setDefaultValue(
              OASFactory.createAPIResponse()
                  .description(
                      "Fehler / error: RFC 9457 problem with a stable code (docs/error-codes.md)")
                  .content(problemContent(KernelError.INTERNAL)));
    }
    operation
        .getResponses()
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (status.matches("[45]\\d\\d") && isEmpty(response.getContent())) {
                response.setContent(problemContent(example(status, response)));
              }
            });
  }

  private static boolean hasPathParameter(PathItem item, Operation operation) {
    List<Parameter> parameters = new ArrayList<>();
    if (item.getParameters() != null) {
      parameters.addAll(item.getParameters());
    }
    if (operation.getParameters() != null) {
      parameters.addAll(operation.getParameters());
    }
    return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
  }

  private static List<SecurityRequirement> security(
      String access, boolean safe, boolean development) {
    return switch (access) {
      case "public" -> List.of();
      case "form-server" -> List.of(OASFactory.createSecurityRequirement().addScheme(FORM_SERVER));
      case "form-callback", "delivery-callback" ->
          List.of(OASFactory.createSecurityRequirement().addScheme(CALLBACK));
      default -> {
        SecurityRequirement session = OASFactory.createSecurityRequirement().addScheme(SESSION);
        if (!safe) {
          session.addScheme(CSRF);
        }
        yield development
            ? List.of(session, OASFactory.createSecurityRequirement().addScheme(BASIC))
            : List.of(session);
      }
    };
  }

  private void addIfMissing(Operation operation, String status, ErrorCode code, String text) {
    if (operation.getResponses().getAPIResponse(status) == null) {
      operation
          .getResponses()
          .addAPIResponse(
              status,
              OASFactory.createAPIResponse()
                  .description(text + " (" + code.code() + ")")
                  .content(problemContent(code)));
    }
  }

  /** The code a response's description names, or the kernel's code for its status. */
  private ErrorCode example(String status, APIResponse response) {
    if (response.getDescription() != null) {
      Matcher m = CODE.matcher(response.getDescription());
      while (m.find()) {
        ErrorCode code = codes.get(m.group());
        if (code != null && String.valueOf(code.httpStatus()).equals(status)) {
          return code;
        }
      }
    }
    int s = Integer.parseInt(status);
    for (KernelError k : KernelError.values()) {
      if (k.httpStatus() == s) {
        return k;
      }
    }
    return KernelError.INTERNAL;
  }

  private static boolean isEmpty(Content content) {
    return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
  }

  private static Content problemContent(ErrorCode code) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", ProblemDetail.TYPE_BASE + code.slug());
    example.put("title", code.titleDe());
    example.put("status", code.httpStatus());
    example.put("code", code.code());
    return OASFactory.createContent()
        .addMediaType(
            ProblemDetail.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example));
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
