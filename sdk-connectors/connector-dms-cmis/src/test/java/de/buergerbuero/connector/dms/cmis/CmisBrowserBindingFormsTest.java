package de.buergerbuero.connector.dms.cmis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser binding answers in the forms CMIS 1.1 (OASIS, part 1 §5) documents, written here as
 * equivalents of the specification's published examples ({@code examples/browser/
 * repositories-response.txt}, {@code children-response.txt}, {@code getObject-response.log}; OASIS
 * copyright, so not copied): repository infos keyed by id with {@code rootFolderUrl} (§5.3.1),
 * properties in full and succinct form (§5.4.2), CMIS types as JSON types (§5.2.4: integer and
 * decimal as numbers, DateTime as milliseconds since 1970-01-01 UTC, boolean as JSON boolean),
 * "value not set" as {@code null} (§5.2.7), multi-valued properties as arrays, and the error object
 * {@code {"exception":…,"message":…}} (§5.2.10) — the InMemory server (the other tests) writes only
 * one of each. The repository here is laid out like Alfresco's: its root folder URL has no
 * repository id in it, and it announces its internal host.
 */
@DisplayName("CMIS browser binding answers in every documented form")
class CmisBrowserBindingFormsTest {
  static final String SERVICE = "/alfresco/browser";
  static final String ROOT = SERVICE + "/root";
  static final String KEY = "key-forms";
  static final String REFERENCE = "MS-2026-000900";
  static final String FOLDER = CmisDocumentStore.folderName(KEY, REFERENCE);

  WireMockServer dms;
  CmisDocumentStore store;

  @BeforeEach
  void start() {
    dms =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    dms.start();
    store = storeFor("-default-");
  }

  @AfterEach
  void stop() {
    dms.stop();
  }

  CmisDocumentStore storeFor(String repository) {
    return new CmisDocumentStore(
        new CmisDmsConfig(
            URI.create(dms.baseUrl() + SERVICE),
            repository,
            "portal",
            "geheim",
            "/Akten",
            null,
            Map.of(),
            Duration.ofSeconds(5)));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** A property in the full form of §5.4.2 ({@code id}, {@code type}, {@code cardinality} …). */
  static String full(String id, String type, String cardinality, String value) {
    return "\"%s\":{\"id\":\"%s\",\"localName\":\"%s\",\"displayName\":\"%s\",\"queryName\":\"%s\",\"type\":\"%s\",\"cardinality\":\"%s\",\"value\":%s}"
        .formatted(id, id, id.substring(5), id, id, type, cardinality, value);
  }

  /** A folder object in full form, with DateTime, boolean-free multi-valued and null properties. */
  static String folderObject(String objectId, String name) {
    return "{\"properties\":{"
        + String.join(
            ",",
            full("cmis:objectId", "id", "single", "\"" + objectId + "\""),
            full("cmis:name", "string", "single", "\"" + name + "\""),
            full("cmis:baseTypeId", "id", "single", "\"cmis:folder\""),
            full("cmis:creationDate", "datetime", "single", "1367308800000"),
            full("cmis:lastModificationDate", "datetime", "single", "-86400000"),
            full("cmis:secondaryObjectTypeIds", "id", "multi", "[]"),
            full("cmis:allowedChildObjectTypeIds", "id", "multi", "null"),
            full("cmis:description", "string", "single", "null"))
        + "},\"allowableActions\":{\"canCreateDocument\":true}}";
  }

  void serviceDocument(String repositoryId, String rootFolderUrl) {
    dms.stubFor(
        get(urlPathEqualTo(SERVICE))
            .willReturn(
                json(
                    200,
                    "{\""
                        + repositoryId
                        + "\":{\"repositoryId\":\""
                        + repositoryId
                        + "\",\"repositoryName\":\"Akten\",\"vendorName\":\"Example\","
                        + "\"cmisVersionSupported\":\"1.1\",\"rootFolderId\":\"100\","
                        + "\"repositoryUrl\":\"http://dms-intern.example:8080/alfresco/browser\","
                        + "\"rootFolderUrl\":\""
                        + rootFolderUrl
                        + "\",\"capabilities\":{\"capabilityGetDescendants\":true,"
                        + "\"capabilityQuery\":\"bothcombined\"},\"changesIncomplete\":true,"
                        + "\"latestChangeLogToken\":null}}")));
  }

  /** Root, base folder and (absent) case folder found by path under {@link #ROOT}. */
  void folders() {
    serviceDocument("-default-", "http://dms-intern.example:8080/alfresco/browser/root");
    dms.stubFor(
        get(urlPathEqualTo(ROOT))
            .withQueryParam("cmisselector", equalTo("object"))
            .willReturn(json(200, folderObject("100", ""))));
    dms.stubFor(
        get(urlPathEqualTo(ROOT + "/Akten")).willReturn(json(200, folderObject("akten", "Akten"))));
    dms.stubFor(
        get(urlPathEqualTo(ROOT + "/Akten/" + FOLDER))
            .willReturn(
                json(
                    404,
                    "{\"exception\":\"objectNotFound\",\"message\":\"Path not found\","
                        + "\"stacktrace\":\"org.example.NotFound\\n\\tat …\"}")));
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("akten"))
            .willReturn(json(201, folderObject("case-1", FOLDER))));
  }

  void children(String entries) {
    dms.stubFor(
        get(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("case-1"))
            .withQueryParam("cmisselector", equalTo("children"))
            .willReturn(
                json(
                    200, "{\"objects\":[" + entries + "],\"hasMoreItems\":false,\"numItems\":1}")));
  }

  /** A document in succinct form with every JSON type §5.2.4 maps CMIS types to. */
  static String succinctDocument(String id, String name, String length) {
    return "{\"object\":{\"succinctProperties\":{\"cmis:objectId\":\""
        + id
        + "\",\"cmis:name\":\""
        + name
        + "\",\"cmis:baseTypeId\":\"cmis:document\",\"cmis:contentStreamLength\":"
        + length
        + ",\"cmis:contentStreamMimeType\":\"text/plain\",\"cmis:isLatestVersion\":true,"
        + "\"cmis:isImmutable\":false,\"cmis:creationDate\":1367308800000,"
        + "\"bb:gebuehr\":12.50,\"bb:seiten\":3,\"cmis:secondaryObjectTypeIds\":[\"P:cm:titled\"],"
        + "\"bb:schlagworte\":[\"Meldewesen\",\"Bescheinigung\"],\"cmis:checkinComment\":null}}}";
  }

  static CaseRecord aCase() {
    byte[] bytes = "Antrag".getBytes(StandardCharsets.UTF_8);
    return new CaseRecord(
        REFERENCE,
        "Meldebescheinigung",
        Map.of(),
        List.of(
            new CaseDocument(
                "antrag.txt", "text/plain", bytes.length, () -> new ByteArrayInputStream(bytes))));
  }

  @Test
  @DisplayName(
      "the root folder URL announced in the repository info is used (Alfresco: no repository id"
          + " in it), with the configured host instead of the announced internal one")
  void rootFolderUrlFromRepositoryInfo() {
    folders();
    children("");
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("case-1"))
            .willReturn(json(201, "{\"succinctProperties\":{\"cmis:objectId\":\"doc-1;1.0\"}}")));

    FiledCase filed = store.fileCase(KEY, aCase());

    assertThat(filed.caseId()).isEqualTo("case-1");
    assertThat(filed.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.documentId()).isEqualTo("doc-1;1.0"));
    dms.verify(1, getRequestedFor(urlPathEqualTo(SERVICE)));
    dms.verify(
        postRequestedFor(urlPathEqualTo(ROOT))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("createFolder")));
    dms.verify(0, getRequestedFor(urlPathEqualTo(SERVICE + "/-default-/root")));
  }

  @Test
  @DisplayName("objects in full property form (a server that ignores succinct=true) are read")
  void fullPropertyForm() {
    folders();
    children("");
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("case-1"))
            .willReturn(
                json(
                    201,
                    "{\"properties\":{"
                        + full("cmis:objectId", "id", "single", "\"doc-7\"")
                        + ","
                        + full("cmis:contentStreamLength", "integer", "single", "6")
                        + "}}")));

    assertThat(store.fileCase(KEY, aCase()).documents())
        .singleElement()
        .satisfies(d -> assertThat(d.documentId()).isEqualTo("doc-7"));
  }

  @ParameterizedTest(name = "cmis:contentStreamLength {0} is the document already filed")
  @ValueSource(strings = {"6", "6.0", "6E0", "0.6e1"})
  void contentStreamLengthAsJsonNumber(String length) {
    folders();
    children(succinctDocument("doc-old", "antrag.txt", length));

    FiledCase filed = store.fileCase(KEY, aCase());

    assertThat(filed.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.documentId()).isEqualTo("doc-old"));
    dms.verify(
        0, postRequestedFor(urlPathEqualTo(ROOT)).withQueryParam("objectId", equalTo("case-1")));
  }

  @Test
  @DisplayName("a document whose length is not set (null) is replaced, not taken as filed")
  void contentStreamLengthNotSet() {
    folders();
    children(succinctDocument("doc-empty", "antrag.txt", "null"));
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("doc-empty"))
            .willReturn(aResponse().withStatus(200)));
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("case-1"))
            .willReturn(json(201, "{\"succinctProperties\":{\"cmis:objectId\":\"doc-new\"}}")));

    assertThat(store.fileCase(KEY, aCase()).documents())
        .singleElement()
        .satisfies(d -> assertThat(d.documentId()).isEqualTo("doc-new"));
  }

  @ParameterizedTest(name = "cmis:contentStreamLength {0} is not a CMIS integer and is named")
  @ValueSource(strings = {"\"6\"", "6.5", "[6]", "true"})
  void contentStreamLengthNotAnInteger(String length) {
    folders();
    children(succinctDocument("doc-old", "antrag.txt", length));

    assertThatThrownBy(() -> store.fileCase(KEY, aCase()))
        .isInstanceOfSatisfying(
            DocumentStoreException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_UNAVAILABLE);
              assertThat(e.getMessage()).contains("cmis:contentStreamLength");
            });
  }

  @Test
  @DisplayName("a repository id the service document does not list is refused, naming those it has")
  void unknownRepository() {
    serviceDocument("-default-", "http://dms-intern.example:8080/alfresco/browser/root");

    assertThatThrownBy(() -> storeFor("A1").fileCase(KEY, aCase()))
        .isInstanceOfSatisfying(
            DocumentStoreException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_REFUSED);
              assertThat(e.getMessage()).contains("A1").contains("-default-");
            });
  }

  @Test
  @DisplayName(
      "a 409 without the CMIS error object (which §5.2.10 only recommends) is a name conflict"
          + " when the folder now exists")
  void conflictWithoutErrorObject() {
    folders();
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("akten"))
            .willReturn(aResponse().withStatus(409)));
    MappingBuilder afterConflict =
        get(urlPathEqualTo(ROOT + "/Akten/" + FOLDER))
            .inScenario("race")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(json(404, "{\"exception\":\"objectNotFound\",\"message\":\"\"}"))
            .willSetStateTo("created");
    dms.stubFor(afterConflict);
    dms.stubFor(
        get(urlPathEqualTo(ROOT + "/Akten/" + FOLDER))
            .inScenario("race")
            .whenScenarioStateIs("created")
            .willReturn(json(200, folderObject("case-1", FOLDER))));
    children(succinctDocument("doc-old", "antrag.txt", "6"));

    assertThat(store.fileCase(KEY, aCase()).caseId()).isEqualTo("case-1");
  }

  @Test
  @DisplayName("a 409 without the error object and without a winner is a refusal, not a retry loop")
  void conflictWithoutErrorObjectOrWinner() {
    folders();
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("akten"))
            .willReturn(aResponse().withStatus(409)));

    assertThatThrownBy(() -> store.fileCase(KEY, aCase()))
        .isInstanceOfSatisfying(
            DocumentStoreException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_REFUSED);
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  @DisplayName("the error object's exception and message reach the error (stacktrace left out)")
  void errorObject() {
    folders();
    dms.stubFor(
        post(urlPathEqualTo(ROOT))
            .withQueryParam("objectId", equalTo("akten"))
            .willReturn(
                json(
                    409,
                    "{\"exception\":\"constraint\",\"message\":\"Typ bb:vorgang fehlt\","
                        + "\"stacktrace\":\"org.example.Constraint\\n\\tat x\"}")));

    assertThatThrownBy(() -> store.fileCase(KEY, aCase()))
        .isInstanceOfSatisfying(
            DocumentStoreException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(KernelError.DOCUMENT_STORE_REFUSED);
              assertThat(e.getMessage())
                  .contains("constraint")
                  .contains("Typ bb:vorgang fehlt")
                  .doesNotContain("org.example");
            });
  }
}
