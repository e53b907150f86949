package de.buergerbuero.connector.dms.xdomea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies are written as the xdomea 3.0.0 XSD documents them (see {@link Replies}) and validated
 * against the official XSDs before they are read.
 */
class ReplyReaderTest {
  private static final UUID PROCESS = UUID.fromString("0b3c1b7e-8a57-3b55-9d0a-1f2e3d4c5b6a");
  private static final UUID VORGANG = UUID.fromString("5f0c9c1e-2b9e-3e4c-8a7b-6d5c4b3a2f1e");
  private final ReplyReader reader = new ReplyReader();

  @BeforeAll
  static void officialSchemasArePresent() {
    XdomeaSchema.xsd();
  }

  private ImportConfirmation read(Replies reply) throws Exception {
    return reader.read(new ByteArrayInputStream(reply.validBytes()), false);
  }

  @ParameterizedTest(name = "Erfolgreich \"{0}\" means imported = {1}")
  @MethodSource("booleans")
  @DisplayName(
      "Erfolgreich is read in every xs:boolean form: 1 and true are an import, 0 and false a refusal, whitespace around them collapsed")
  void erfolgreichIsAnXsBoolean(String lexical, boolean imported) throws Exception {
    ImportConfirmation c =
        read(Replies.importConfirmation(PROCESS).object(VORGANG, lexical, "Aktenplan fehlt"));
    assertThat(c.processId()).isEqualTo(PROCESS);
    assertThat(c.imported()).isEqualTo(imported);
    assertThat(c.results()).singleElement().extracting(r -> r.success()).isEqualTo(imported);
  }

  static Stream<Arguments> booleans() {
    return Stream.of(
        Arguments.of("1", true), // "Der erfolgreiche Import wird mit 1 ... gekennzeichnet" (XSD)
        Arguments.of("0", false),
        Arguments.of("true", true),
        Arguments.of("false", false),
        Arguments.of(" 1 ", true),
        Arguments.of("\n\t\t1\n\t", true),
        Arguments.of("\r\n0\r\n", false),
        Arguments.of("  true\t", true));
  }

  @ParameterizedTest(name = "Erfolgreich \"{0}\"")
  @ValueSource(strings = {"TRUE", "True", "yes", "ja", "2", "", "1 1", "wahr"})
  @DisplayName(
      "a value outside xs:boolean, which the XSD refuses too, makes the reply unreadable instead of counting as a refusal")
  void notAnXsBoolean(String lexical) throws Exception {
    byte[] xml =
        Replies.importConfirmation(PROCESS)
            .object(VORGANG, lexical)
            .xml()
            .getBytes(StandardCharsets.UTF_8);
    assertThat(XdomeaSchema.isValid(xml)).as("the XSD refuses it as well").isFalse();
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(xml), false))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("Erfolgreich is not an xs:boolean");
  }

  @ParameterizedTest(name = "Erstellungszeitpunkt \"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-27T10:20:00Z               | 2026-11-27T10:20:00Z",
        "2026-11-27T11:20:00+01:00          | 2026-11-27T10:20:00Z",
        "2026-11-27T05:20:00-05:00          | 2026-11-27T10:20:00Z",
        "2026-11-27T10:20:00+00:00          | 2026-11-27T10:20:00Z",
        "2026-11-27T10:20:00.5Z             | 2026-11-27T10:20:00.500Z",
        "2026-11-27T10:20:00.123456789123Z  | 2026-11-27T10:20:00.123456789Z",
        "2026-11-27T11:20:00                | 2026-11-27T10:20:00Z",
        "2026-07-01T12:20:00.25             | 2026-07-01T10:20:00.250Z",
        "2026-11-26T24:00:00Z               | 2026-11-27T00:00:00Z",
        "2026-11-27T10:20:00+14:00          | 2026-11-26T20:20:00Z",
      })
  @DisplayName(
      "Erstellungszeitpunkt is read in every xs:dateTime form: with or without offset (then German local time), with fractions, 24:00:00")
  void erstellungszeitpunktIsAnXsDateTime(String lexical, String expected) throws Exception {
    ImportConfirmation c =
        read(Replies.importConfirmation(PROCESS).created(lexical).object(VORGANG, "1"));
    assertThat(c.created()).isEqualTo(Instant.parse(expected));
    assertThat(c.imported()).isTrue();
  }

  @ParameterizedTest(name = "Erstellungszeitpunkt \"{0}\"")
  @ValueSource(
      strings = {
        "2026-11-27 10:20:00",
        "2026-11-27T10:20Z",
        "2026-02-30T10:00:00Z",
        "2026-11-27T10:20:00+15:00",
        "27.11.2026 10:20",
        "2026-11-27T24:00:01Z"
      })
  @DisplayName("a creation time outside xs:dateTime, which the XSD refuses too, is not guessed")
  void notAnXsDateTime(String lexical) throws Exception {
    byte[] xml =
        Replies.importConfirmation(PROCESS)
            .created(lexical)
            .object(VORGANG, "1")
            .xml()
            .getBytes(StandardCharsets.UTF_8);
    assertThat(XdomeaSchema.isValid(xml)).as("the XSD refuses it as well").isFalse();
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(xml), false))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("Erstellungszeitpunkt is not an xs:dateTime");
  }

  @ParameterizedTest(name = "prefix \"{0}\"")
  @ValueSource(strings = {"xdomea", "x", "ns0", "xdomea3", "DMS"})
  @DisplayName("a reply is understood whatever namespace prefix the DMS chose")
  void anyPrefix(String prefix) throws Exception {
    ImportConfirmation c =
        read(
            Replies.importConfirmation(PROCESS)
                .prefix(prefix)
                .object(VORGANG, "0", "Aktenplaneinheit unbekannt"));
    assertThat(c.processId()).isEqualTo(PROCESS);
    assertThat(c.imported()).isFalse();
    assertThat(c.results())
        .singleElement()
        .satisfies(r -> assertThat(r.error()).isEqualTo("Aktenplaneinheit unbekannt"));
  }

  @Test
  @DisplayName(
      "a reply in the default namespace (code list children undeclaring it, as the XSD requires) is understood")
  void defaultNamespace() throws Exception {
    Replies reply =
        Replies.importConfirmation(PROCESS)
            .defaultNamespace()
            .messageTypeWithoutListAttributes()
            .object(VORGANG, "1");
    assertThat(reply.xml()).doesNotContain("<xdomea:").contains("xmlns=\"urn:xoev-de");
    ImportConfirmation c = read(reply);
    assertThat(c.processId()).isEqualTo(PROCESS);
    assertThat(c.messageType()).isEqualTo("0402");
    assertThat(c.imported()).isTrue();
  }

  @Test
  @DisplayName(
      "optional Kopf elements are skipped, even an AnwendungsspezifischeErweiterungXML whose own elements are named Erfolgreich, IDSGO and ProzessID")
  void unknownOptionalElements() throws Exception {
    ImportConfirmation c =
        read(Replies.importConfirmation(PROCESS).withOptionalKopfElements().object(VORGANG, "1"));
    assertThat(c.processId()).isEqualTo(PROCESS);
    assertThat(c.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.objectId()).isEqualTo(VORGANG);
              assertThat(r.success()).isTrue();
            });
    assertThat(c.imported()).isTrue();
  }

  @Test
  @DisplayName(
      "a reply with several AbgegebenesObjekt entries yields one result per object, imported and refused ones alike, with every Fehlermeldung and FehlermeldungCode")
  void severalObjects() throws Exception {
    UUID doc1 = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001");
    UUID doc2 = UUID.fromString("A2A2A2A2-0000-4000-8000-000000000002"); // the pattern allows A-F
    UUID doc3 = UUID.fromString("a3a3a3a3-0000-4000-8000-000000000003");
    ImportConfirmation c =
        read(
            Replies.importConfirmation(PROCESS)
                .object(VORGANG, "1")
                .object(doc1, "true")
                .object(doc2, "0", "Dateiformat nicht zulässig", "Virenprüfung ausstehend")
                .rejectedWithCode(
                    doc3, "urn:example:dms:codeliste:importfehler", "3.1", "E17", "Datei leer"));
    assertThat(c.imported()).isFalse();
    assertThat(c.results())
        .extracting(r -> r.objectId(), r -> r.success())
        .containsExactly(
            tuple(VORGANG, true), tuple(doc1, true), tuple(doc2, false), tuple(doc3, false));
    assertThat(c.rejected()).extracting(r -> r.objectId()).containsExactly(doc2, doc3);
    assertThat(c.rejected().get(0).reason())
        .isEqualTo("Dateiformat nicht zulässig; Virenprüfung ausstehend");
    assertThat(c.rejected().get(1).codes())
        .containsExactly(
            new ImportConfirmation.Code(
                "urn:example:dms:codeliste:importfehler", "3.1", "E17", "Datei leer"));
    assertThat(c.rejected().get(1).reason()).isEqualTo("Datei leer [E17]");
  }

  @Test
  @DisplayName("a 0403 receipt is read as received, not as an import")
  void receipt() throws Exception {
    ImportConfirmation c = read(Replies.receipt(PROCESS).prefix("x"));
    assertThat(c.messageType()).isEqualTo("0403");
    assertThat(c.results()).isEmpty();
    assertThat(c.imported()).isFalse();
  }

  @Test
  @DisplayName(
      "a reply whose Nachrichtentyp code contradicts its message element, or a 0402 without any object, is refused")
  void contradictions() throws Exception {
    String wrongType =
        Replies.importConfirmation(PROCESS)
            .object(VORGANG, "1")
            .xml()
            .replace("<code>0402</code>", "<code>0403</code>");
    assertThatThrownBy(
            () ->
                reader.read(
                    new ByteArrayInputStream(wrongType.getBytes(StandardCharsets.UTF_8)), false))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("Nachrichtentyp");
    byte[] noObject = Replies.importConfirmation(PROCESS).xml().getBytes(StandardCharsets.UTF_8);
    assertThat(XdomeaSchema.isValid(noObject)).as("the XSD requires one").isFalse();
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(noObject), false))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("without AbgegebenesObjekt");
  }

  @Test
  @DisplayName("a reply in a ZIP is read from its XML entry")
  void zipped() throws Exception {
    byte[] xml =
        Replies.importConfirmation(PROCESS)
            .object(VORGANG, "0", "Aktenplaneinheit unbekannt")
            .validBytes();
    ImportConfirmation c =
        reader.read(
            new ByteArrayInputStream(zip(PROCESS + "_Abgabe.ImportBestaetigen.0402.XML", xml)),
            true);
    assertThat(c.imported()).isFalse();
    assertThat(c.results())
        .singleElement()
        .satisfies(r -> assertThat(r.error()).isEqualTo("Aktenplaneinheit unbekannt"));
  }

  @Test
  @DisplayName("XXE and entity expansion are refused")
  void xxe() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<xdomea:Abgabe.ImportBestaetigen.0402 xmlns:xdomea=\"urn:xoev-de:xdomea:schema:3.0.0\"><xdomea:Kopf><xdomea:ProzessID>&e;</xdomea:ProzessID></xdomea:Kopf></xdomea:Abgabe.ImportBestaetigen.0402>";
    assertThatThrownBy(
            () ->
                reader.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), false))
        .isInstanceOf(MalformedRequestException.class);
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>";
    assertThatThrownBy(
            () ->
                reader.read(
                    new ByteArrayInputStream(laughs.getBytes(StandardCharsets.UTF_8)), false))
        .isInstanceOf(MalformedRequestException.class);
  }

  @Test
  @DisplayName(
      "hostile ZIPs are refused: path traversal, absolute paths, duplicates, zip bombs, symlinks")
  void hostileZips() throws Exception {
    byte[] xml = Replies.importConfirmation(PROCESS).object(VORGANG, "1").validBytes();
    for (String name :
        new String[] {
          "../evil.xml", "/etc/evil.xml", "sub/dir.xml", "..\\evil.xml", "C:evil.xml"
        }) {
      assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(zip(name, xml)), true))
          .as(name)
          .isInstanceOf(MalformedRequestException.class)
          .hasMessageContaining("not allowed");
    }
    ByteArrayOutputStream dup = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(dup)) {
      z.putNextEntry(new ZipEntry("a.xml"));
      z.write(xml);
      z.putNextEntry(new ZipEntry("A.XML"));
      z.write(xml);
    }
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(dup.toByteArray()), true))
        .hasMessageContaining("duplicate");
    byte[] bomb = zip("bomb.xml", new byte[20 * 1024 * 1024]); // 20 MB of zeros compress to ~20 KB
    assertThat(bomb.length).isLessThan(100_000);
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bomb), true))
        .hasMessageContaining("uncompressed");
    ByteArrayOutputStream link = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(link)) {
      ZipEntry e = new ZipEntry("link.xml");
      // ASi extra field (0x756e): crc, mode 0120777 (symbolic link), size, uid, gid, target
      byte[] target = "/etc/passwd".getBytes(StandardCharsets.US_ASCII);
      java.nio.ByteBuffer b =
          java.nio.ByteBuffer.allocate(4 + 14 + target.length)
              .order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.putShort((short) 0x756e)
          .putShort((short) (14 + target.length))
          .putInt(0)
          .putShort((short) 0120777)
          .putInt(target.length)
          .putShort((short) 0)
          .putShort((short) 0)
          .put(target);
      e.setExtra(b.array());
      z.putNextEntry(e);
      z.write(target);
    }
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(link.toByteArray()), true))
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(
            () ->
                reader.read(
                    new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), true))
        .isInstanceOf(MalformedRequestException.class);
  }

  static byte[] zip(String name, byte[] content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
    }
    return out.toByteArray();
  }
}
