package de.buergerbuero.connector.dms.cmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.connector.tck.DocumentStoreCompatibilityKit;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CMIS connector against a real Apache Chemistry InMemory server process. */
@DisplayName("CMIS connector against the Apache Chemistry InMemory server")
class CmisDocumentStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
  static CmisInMemoryServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        new CmisInMemoryServer(CmisInMemoryServer.defaultDirectory(), CmisInMemoryServer.freePort())
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  static CmisDocumentStore storeAt(URI url, String repository, String folder) {
    return new CmisDocumentStore(
        CmisDmsConfig.of(
            url, repository, CmisInMemoryServer.USER, CmisInMemoryServer.PASSWORD, folder));
  }

  @Override
  protected Store createStore() {
    // a fresh base folder per test gives each test an empty store on the shared server
    CmisDocumentStore store =
        storeAt(
            server.browserUrl(),
            CmisInMemoryServer.REPOSITORY,
            "/Bürgerbüro-Test/" + UUID.randomUUID() + "/Vorgänge");
    return new Store(store, store);
  }

  @Override
  protected void makeUnreachable() throws Exception {
    // the same configuration, but nothing listens on the port any more
    CmisDocumentStore unreachable =
        storeAt(
            URI.create("http://127.0.0.1:" + CmisInMemoryServer.freePort() + "/cmis/browser"),
            CmisInMemoryServer.REPOSITORY,
            "/Vorgänge");
    store = new Store(unreachable, unreachable);
  }

  @Override
  protected void makeRefusing() {
    // the InMemory server accepts any password; a repository it does not have is its permanent no
    CmisDocumentStore refusing = storeAt(server.browserUrl(), "no-such-repository", "/Vorgänge");
    store = new Store(refusing, refusing);
  }

  @Test
  @DisplayName(
      "an addition never replaces another document of the same name in the Vorgang: it is refused")
  void additionReplacesNothing() throws Exception {
    CmisDocumentStore cmis =
        storeAt(server.browserUrl(), CmisInMemoryServer.REPOSITORY, "/Add-" + UUID.randomUUID());
    FiledCase filed =
        cmis.fileCase("key-add", record("MS-2026-000778", text("Scan.pdf", "original scan")));
    assertThatThrownBy(
            () ->
                cmis.addDocuments(
                    "key-add-2",
                    filed.caseId(),
                    record("MS-2026-000778", text("Scan.pdf", "another"))))
        .isInstanceOfSatisfying(
            de.buergerbuero.kernel.spi.dms.DocumentStoreException.class,
            e -> assertThat(e.isRetryable()).isFalse());
    try (var in = cmis.openDocument(filed.documents().get(0).documentId())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("original scan");
    }
  }

  @Test
  @DisplayName("the case folder is named after the reference and carries title and reference")
  void folderLayout() throws Exception {
    CmisDocumentStore cmis =
        storeAt(server.browserUrl(), CmisInMemoryServer.REPOSITORY, "/Layout-" + UUID.randomUUID());
    FiledCase filed =
        cmis.fileCase("key-layout", record("MS-2026-000777", text("antrag.txt", "x")));
    String folderName = CmisDocumentStore.folderName("key-layout", "MS-2026-000777");
    assertThat(folderName).startsWith("MS-2026-000777_").hasSize("MS-2026-000777_".length() + 12);

    HttpResponse<String> folder =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.browserUrl()
                                + "/A1/root?cmisselector=object&succinct=true&objectId="
                                + filed.caseId()))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(folder.statusCode()).isEqualTo(200);
    assertThat(folder.body())
        .contains("\"cmis:name\":\"" + folderName + "\"")
        .contains("Meldebescheinigung \\u2013 MS-2026-000777");
  }
}
