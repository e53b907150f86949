package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gewerbe department files through xdomea and the DMS confirms the import")
class XdomeaRoutingIT {
  private static final Path XDOMEA = Path.of(System.getProperty("server.dir"), "xdomea");
  private static final String BUSINESS =
      "{\"businessName\":\"Musterbau GmbH\",\"activity\":\"Hochbau\",\"start\":\"2027-01-01\","
          + "\"address\":{\"street\":\"Industriestraße 5\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}";

  @Test
  @DisplayName(
      "a valid 0401 goes to the drop folder, the entry waits, a 0402 confirms it, a failed 0402 is visible to admins")
  void confirmedAndRefusedImports() throws Exception {
    String ok = submit("firma", "gewerbeanmeldung", BUSINESS).getString("id");
    String refused = submit("firma", "gewerbeanmeldung", BUSINESS).getString("id");
    JsonObject okEntry = awaitEntry(ok, "AWAITING_CONFIRMATION");
    JsonObject refusedEntry = awaitEntry(refused, "AWAITING_CONFIRMATION");
    String okProcess = okEntry.getString("result").substring("xdomea:".length());
    String refusedProcess = refusedEntry.getString("result").substring("xdomea:".length());

    // the message the running server wrote validates against the official XSD
    Path zip = XDOMEA.resolve("drop").resolve(okProcess + "_Abgabe.Abgabe.0401.zip");
    assertThat(zip).exists();
    try (ZipFile z = new ZipFile(zip.toFile());
        InputStream xml = z.getInputStream(z.getEntry(okProcess + "_Abgabe.Abgabe.0401.xml"))) {
      byte[] bytes = xml.readAllBytes();
      var schema =
          SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
              .newSchema(Path.of(System.getProperty("xdomea.xsd")).toFile());
      schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
      assertThat(new String(bytes, StandardCharsets.UTF_8))
          .contains("Gewerbeanmeldung", "department=gewerbe");
    }
    // the office already counts it as received; the import confirmation is the DMS's business
    assertThat(status("firma", ok)).isEqualTo("RECEIVED");

    Path replies = XDOMEA.resolve("replies");
    Files.createDirectories(replies);
    Files.writeString(
        replies.resolve(okProcess + "_Abgabe.ImportBestaetigen.0402.xml"),
        reply(okProcess, true, null));
    Files.writeString(
        replies.resolve(refusedProcess + "_Abgabe.ImportBestaetigen.0402.xml"),
        reply(refusedProcess, false, "Aktenplaneinheit unbekannt"));

    awaitEntry(ok, "DELIVERED");
    JsonObject failed = awaitEntry(refused, "FAILED");
    assertThat(failed.getString("lastError")).isEqualTo("Aktenplaneinheit unbekannt");
    var trail =
        array(get("/api/v1/staff/applications/" + ok + "/audit", "clerk-gewerbe"))
            .getValuesAs(JsonObject.class);
    assertThat(trail).extracting(e -> e.getString("action")).contains("DMS_IMPORT_CONFIRMED");
    assertThat(replies.resolve("processed")).isDirectory();

    // the Bescheid goes into the same Vorgang: a further 0401, valid, naming the same Vorgang ID
    assertThat(
            postJson(
                    "/api/v1/staff/applications/" + ok + "/transitions",
                    "clerk-gewerbe",
                    "{\"to\":\"IN_PROGRESS\"}")
                .statusCode())
        .isEqualTo(200);
    var issued =
        postJson(
            "/api/v1/staff/applications/" + ok + "/decision",
            "clerk-gewerbe",
            "{\"outcome\":\"APPROVED\"}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String vorgang = vorgangId(read0401(okProcess));
    AtomicReference<String> addition = new AtomicReference<>();
    await(
        "the Bescheid as a further 0401",
        Duration.ofSeconds(60),
        () -> {
          try (var zips = Files.list(XDOMEA.resolve("drop"))) {
            for (Path z : zips.filter(f -> f.toString().endsWith("0401.zip")).toList()) {
              String process = z.getFileName().toString().split("_")[0];
              String xml = read0401(process);
              if (!process.equals(okProcess)
                  && xml.contains("Bescheid-")
                  && vorgangId(xml).equals(vorgang)) {
                addition.set(xml);
                return true;
              }
            }
            return false;
          } catch (Exception e) {
            return false;
          }
        });
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(Path.of(System.getProperty("xdomea.xsd")).toFile())
        .newValidator()
        .validate(
            new StreamSource(
                new ByteArrayInputStream(addition.get().getBytes(StandardCharsets.UTF_8))));
  }

  private static String read0401(String process) throws Exception {
    Path zip = XDOMEA.resolve("drop").resolve(process + "_Abgabe.Abgabe.0401.zip");
    try (ZipFile z = new ZipFile(zip.toFile());
        InputStream xml = z.getInputStream(z.getEntry(process + "_Abgabe.Abgabe.0401.xml"))) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The ID of the Vorgang a 0401 hands over. */
  private static String vorgangId(String xml) {
    var m =
        java.util.regex.Pattern.compile(
                "<xdomea:Vorgang>\\s*<xdomea:Identifikation>\\s*<xdomea:ID>([^<]+)</xdomea:ID>")
            .matcher(xml);
    assertThat(m.find()).as("a Vorgang with its ID").isTrue();
    return m.group(1);
  }

  private static JsonObject awaitEntry(String applicationId, String state) {
    AtomicReference<JsonObject> found = new AtomicReference<>();
    await(
        applicationId + " in " + state,
        Duration.ofSeconds(60),
        () -> {
          found.set(
              array(
                      get(
                          "/api/v1/admin/outbox?state="
                              + state
                              + "&type=dms.file-application&limit=1000",
                          "admin"))
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .filter(o -> o.getString("idempotencyKey").endsWith(applicationId))
                  .findFirst()
                  .orElse(null));
          return found.get() != null;
        });
    return found.get();
  }

  private static String reply(String process, boolean ok, String error) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<xdomea:Abgabe.ImportBestaetigen.0402 xmlns:xdomea=\"urn:xoev-de:xdomea:schema:3.0.0\">"
        + "<xdomea:Kopf><xdomea:ProzessID>"
        + process
        + "</xdomea:ProzessID>"
        + "<xdomea:Nachrichtentyp listURI=\"urn:xoev-de:xdomea:codeliste:nachrichtentyp\" listVersionID=\"2.0\"><code>0402</code><name>Abgabe.ImportBestaetigen</name></xdomea:Nachrichtentyp>"
        + "<xdomea:Erstellungszeitpunkt>2026-11-27T12:00:00Z</xdomea:Erstellungszeitpunkt>"
        + "<xdomea:Absender><xdomea:Institution><xdomea:Name>DMS</xdomea:Name></xdomea:Institution></xdomea:Absender>"
        + "<xdomea:Empfaenger><xdomea:Institution><xdomea:Name>Stadt Musterstadt</xdomea:Name></xdomea:Institution></xdomea:Empfaenger>"
        + "</xdomea:Kopf><xdomea:AbgegebenesObjekt><xdomea:IDSGO>"
        + process
        + "</xdomea:IDSGO>"
        + "<xdomea:Erfolgreich>"
        + (ok ? "1" : "0") // as the xdomea XSD documents it: 1 imported, 0 not
        + "</xdomea:Erfolgreich>"
        + (error == null ? "" : "<xdomea:Fehlermeldung>" + error + "</xdomea:Fehlermeldung>")
        + "</xdomea:AbgegebenesObjekt></xdomea:Abgabe.ImportBestaetigen.0402>";
  }
}
