package de.buergerbuero.connector.dms.xdomea;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.connector.tck.DocumentStoreCompatibilityKit;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("xdomea DMS connector passes the compatibility kit and writes valid 0401 messages")
class XdomeaDocumentStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
  @TempDir Path temp;
  private Path drop;
  private Path replies;

  @Override
  protected Store createStore() throws Exception {
    Path base = Files.createTempDirectory(temp, "xdomea");
    drop = base.resolve("drop");
    replies = base.resolve("replies");
    XdomeaDocumentStore dms =
        new XdomeaDocumentStore(
            new XdomeaDmsConfig(
                drop,
                base.resolve("archive"),
                base.resolve("replies"),
                "Stadt Musterstadt",
                "Digitales Bürgerbüro",
                "Stadt Musterstadt, DMS"),
            Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC));
    return new Store(dms, dms);
  }

  @Override
  protected void makeUnreachable() throws Exception {
    Files.createDirectories(drop);
    try (var all = Files.walk(drop)) { // it may hold what the test filed before
      for (var p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(drop, "kein Verzeichnis");
  }

  @Test
  @DisplayName(
      "the 0401 message in the drop directory validates against the official XSD and carries every document")
  void validMessage() throws Exception {
    var filed =
        store
            .filing()
            .fileCase(
                "app-42",
                record(
                    "MS-2026-000042",
                    text("Antrag.pdf", "%PDF-1.7"),
                    text("Größe & Maße.txt", "ä"),
                    text("daten.json", "{}")));
    List<Path> zips;
    try (var files = Files.list(drop)) {
      zips = files.toList();
    }
    assertThat(zips).hasSize(1);
    String zipName = zips.get(0).getFileName().toString();
    assertThat(zipName).matches("[0-9a-f-]{36}_Abgabe\\.Abgabe\\.0401\\.zip");
    assertThat(filed.caseId()).isEqualTo("xdomea:" + zipName.substring(0, 36));
    try (ZipFile zip = new ZipFile(zips.get(0).toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).toList();
      assertThat(names.get(0)).isEqualTo(zipName.replace(".zip", ".xml"));
      assertThat(names).hasSize(4);
      assertThat(names.subList(1, 4)).allMatch(n -> n.matches("[0-9a-f-]{36}\\.(pdf|txt|json)"));
      byte[] xml;
      try (InputStream in = zip.getInputStream(zip.getEntry(names.get(0)))) {
        xml = in.readAllBytes();
      }
      XdomeaSchema.validate(xml);
      String text = new String(xml, StandardCharsets.UTF_8);
      assertThat(text)
          .contains(
              "<code>0401</code>",
              "MS-2026-000042",
              "Größe &amp; Maße.txt",
              "leikaKey=99115005000000")
          .contains(
              "<code>018</code>",
              "<code>045</code>",
              "<code>100</code>",
              "<xdomea:SonstigerName>json</xdomea:SonstigerName>");
    }
  }

  @Test
  @DisplayName(
      "an addition is a further 0401 for the same Vorgang ID, valid against the official XSD, confirmed by its own 0402")
  void additionNamesTheSameVorgang() throws Exception {
    XdomeaDocumentStore dms = (XdomeaDocumentStore) store.filing();
    var filed = dms.fileCase("app-43", record("MS-2026-000043", text("Antrag.pdf", "%PDF-1.7")));
    var added =
        dms.addDocuments(
            "decision-43",
            filed.caseId(),
            record("MS-2026-000043", text("Bescheid-MS-2026-000043.pdf", "%PDF-1.4")));
    assertThat(added.caseId()).isNotEqualTo(filed.caseId()).startsWith("xdomea:");
    assertThat(dms.confirmsAsynchronously(added.caseId())).isTrue();
    String first = message(filed.caseId());
    String second = message(added.caseId());
    String vorgang = "<xdomea:Vorgang><xdomea:Identifikation><xdomea:ID>";
    assertThat(second).contains(vorgang).contains("Bescheid-MS-2026-000043.pdf");
    assertThat(idAfter(second, vorgang)).isEqualTo(idAfter(first, vorgang));
  }

  private String message(String caseId) throws Exception {
    Path zipFile = drop.resolve(processOf(caseId) + "_Abgabe.Abgabe.0401.zip");
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      byte[] xml;
      try (InputStream in =
          zip.getInputStream(zip.getEntry(processOf(caseId) + "_Abgabe.Abgabe.0401.xml"))) {
        xml = in.readAllBytes();
      }
      XdomeaSchema.validate(xml);
      return new String(xml, StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
    }
  }

  private static String idAfter(String xml, String marker) {
    int at = xml.indexOf(marker) + marker.length();
    return xml.substring(at, at + 36);
  }

  private static java.util.UUID processOf(String caseId) {
    return java.util.UUID.fromString(caseId.substring("xdomea:".length()));
  }

  private static java.util.UUID documentOf(String documentId) {
    return java.util.UUID.fromString(
        documentId.substring(documentId.indexOf('/') + 1, documentId.indexOf('/') + 37));
  }

  @Test
  @DisplayName(
      "a 0402 with Erfolgreich 1 confirms the filing, one with 0 and a Fehlermeldung refuses it with that message; 0403 and unreadable replies are moved aside")
  void confirmations() throws Exception {
    XdomeaDocumentStore dms = (XdomeaDocumentStore) store.filing();
    var ok = dms.fileCase("app-1", record("MS-2026-000061", text("a.txt", "x")));
    assertThat(dms.confirmsAsynchronously(ok.caseId())).isTrue();
    var failed = dms.fileCase("app-2", record("MS-2026-000062", text("a.txt", "y")));
    var okId = processOf(ok.caseId());
    var failedId = processOf(failed.caseId());
    Files.createDirectories(replies);
    Files.write(
        replies.resolve(okId + "_Abgabe.ImportBestaetigen.0402.zip"),
        ReplyReaderTest.zip(
            okId + "_Abgabe.ImportBestaetigen.0402.xml",
            Replies.importConfirmation(okId)
                .object(XdomeaDocumentStore.uuid("vorgang:app-1"), "1")
                .validBytes()));
    Files.write(
        replies.resolve(failedId + "_Abgabe.ImportBestaetigen.0402.xml"),
        Replies.importConfirmation(failedId)
            .defaultNamespace()
            .object(XdomeaDocumentStore.uuid("vorgang:app-2"), " 0 ", "Aktenplan fehlt")
            .validBytes());
    Files.write(
        replies.resolve(okId + "_Abgabe.EmpfangBestaetigen.0403.xml"),
        Replies.receipt(okId).validBytes());
    Files.write(replies.resolve("evil.zip"), ReplyReaderTest.zip("../evil.xml", new byte[] {1}));

    var found = dms.poll();
    assertThat(found)
        .extracting(c -> c.caseId())
        .containsExactlyInAnyOrder(ok.caseId(), failed.caseId());
    assertThat(found)
        .filteredOn(c -> c.caseId().equals(ok.caseId()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.imported()).isTrue();
              assertThat(c.reason()).isNull();
            });
    assertThat(found)
        .filteredOn(c -> c.caseId().equals(failed.caseId()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.imported()).isFalse();
              assertThat(c.reason()).isEqualTo("Aktenplan fehlt");
            });
    assertThat(replies.resolve("rejected").resolve("evil.zip")).exists();
    assertThat(replies.resolve("processed").resolve(okId + "_Abgabe.EmpfangBestaetigen.0403.xml"))
        .exists();
    found.forEach(dms::done);
    assertThat(dms.poll()).isEmpty();
    try (var processed = Files.list(replies.resolve("processed"))) {
      assertThat(processed).hasSize(3);
    }
  }

  @Test
  @DisplayName(
      "a 0402 that imports the Vorgang and one document but refuses another refuses the filing and names each refused document with its reason")
  void mixedReply() throws Exception {
    XdomeaDocumentStore dms = (XdomeaDocumentStore) store.filing();
    var filed =
        dms.fileCase(
            "app-3",
            record(
                "MS-2026-000063",
                text("Antrag.pdf", "%PDF-1.7"),
                text("Anlage.docm", "x"),
                text("Foto.jpg", "y")));
    var process = processOf(filed.caseId());
    var docs = filed.documents();
    Files.createDirectories(replies);
    Files.write(
        replies.resolve(process + "_Abgabe.ImportBestaetigen.0402.xml"),
        Replies.importConfirmation(process)
            .prefix("dms")
            .object(XdomeaDocumentStore.uuid("vorgang:app-3"), "true")
            .object(documentOf(docs.get(0).documentId()), "1")
            .object(documentOf(docs.get(1).documentId()), "0", "Makros nicht zulässig")
            .object(documentOf(docs.get(2).documentId()), "false")
            .validBytes());

    assertThat(dms.poll())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.caseId()).isEqualTo(filed.caseId());
              assertThat(c.imported()).isFalse();
              assertThat(c.reason())
                  .isEqualTo(
                      "2 von 4 Objekten nicht importiert: Dokument Anlage.docm: Makros nicht"
                          + " zulässig; Dokument Foto.jpg: Import abgelehnt");
            });
  }

  @Test
  @DisplayName("a 0402 that imports every object, Vorgang and documents, confirms the filing")
  void everyObjectImported() throws Exception {
    XdomeaDocumentStore dms = (XdomeaDocumentStore) store.filing();
    var filed =
        dms.fileCase(
            "app-4", record("MS-2026-000064", text("Antrag.pdf", "%PDF-1.7"), text("b.txt", "b")));
    var process = processOf(filed.caseId());
    Replies reply =
        Replies.importConfirmation(process)
            .withOptionalKopfElements()
            .created("2026-11-27T11:20:00.000+01:00")
            .object(XdomeaDocumentStore.uuid("vorgang:app-4"), "1");
    filed.documents().forEach(d -> reply.object(documentOf(d.documentId()), "\n  1\n"));
    Files.createDirectories(replies);
    Files.write(
        replies.resolve(process + "_Abgabe.ImportBestaetigen.0402.xml"), reply.validBytes());

    assertThat(dms.poll())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.caseId()).isEqualTo(filed.caseId());
              assertThat(c.imported()).isTrue();
              assertThat(c.reason()).isNull();
            });
  }

  @Test
  @DisplayName(
      "filing the same key again sends the identical message once more at most, with the same ids")
  void deterministic() throws Exception {
    var first = store.filing().fileCase("same-key", record("MS-2026-000043", text("a.txt", "x")));
    Path zip;
    try (var files = Files.list(drop)) {
      zip = files.findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(zip);
    Files.delete(zip); // the DMS imported it
    var second = store.filing().fileCase("same-key", record("MS-2026-000043", text("a.txt", "x")));
    assertThat(second).isEqualTo(first);
    try (var files = Files.list(drop)) {
      assertThat(files).as("archived filings are not sent again").isEmpty();
    }
    assertThat(bytes).isNotEmpty();
  }

  @Test
  @DisplayName(
      "after the DMS rejected an import (0402 with Erfolgreich 0), filing again (an admin retry)"
          + " hands the message over again; the rejected copy is kept")
  void retryAfterRejection() throws Exception {
    XdomeaDocumentStore dms = (XdomeaDocumentStore) store.filing();
    var first = dms.fileCase("app-7", record("MS-2026-000067", text("a.txt", "x")));
    UUID process = processOf(first.caseId());
    Path handedOver = drop.resolve(process + XdomeaDocumentStore.SUFFIX + ".zip");
    assertThat(handedOver).exists();
    Files.delete(handedOver); // the DMS took the message ...
    Files.createDirectories(replies);
    Files.write(
        replies.resolve(process + "_Abgabe.ImportBestaetigen.0402.xml"),
        Replies.importConfirmation(process)
            .object(XdomeaDocumentStore.uuid("vorgang:app-7"), "0", "Aktenplan fehlt")
            .validBytes()); // ... and refused it
    var confirmations = dms.poll();
    assertThat(confirmations).singleElement().satisfies(c -> assertThat(c.imported()).isFalse());
    dms.done(confirmations.get(0));

    var again = dms.fileCase("app-7", record("MS-2026-000067", text("a.txt", "x")));
    assertThat(again.caseId()).isEqualTo(first.caseId());
    assertThat(handedOver).as("the retry hands the message over again").exists();
    try (var rejected = Files.list(drop.resolveSibling("archive").resolve("rejected"))) {
      assertThat(rejected.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(process + XdomeaDocumentStore.SUFFIX));
    }

    // an accepted import is not handed over again
    Files.delete(handedOver);
    Files.write(
        replies.resolve(process + "_Abgabe.ImportBestaetigen.0402.xml"),
        Replies.importConfirmation(process)
            .object(XdomeaDocumentStore.uuid("vorgang:app-7"), "1")
            .validBytes());
    dms.poll().forEach(dms::done);
    dms.fileCase("app-7", record("MS-2026-000067", text("a.txt", "x")));
    assertThat(handedOver).doesNotExist();
  }
}
