package de.buergerbuero.connector.dms.xdomea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplyReaderTest {
  private static final UUID PROCESS = UUID.fromString("0b3c1b7e-8a57-3b55-9d0a-1f2e3d4c5b6a");
  private static final UUID VORGANG = UUID.fromString("5f0c9c1e-2b9e-3e4c-8a7b-6d5c4b3a2f1e");
  private final ReplyReader reader = new ReplyReader();

  static String reply0402(boolean ok, String error) {
    return reply0402(PROCESS, ok, error);
  }

  static String reply0402(UUID process, boolean ok, String error) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<xdomea:Abgabe.ImportBestaetigen.0402 xmlns:xdomea=\"urn:xoev-de:xdomea:schema:3.0.0\">"
        + "<xdomea:Kopf><xdomea:ProzessID>"
        + process
        + "</xdomea:ProzessID>"
        + "<xdomea:Nachrichtentyp listURI=\"urn:xoev-de:xdomea:codeliste:nachrichtentyp\" listVersionID=\"2.0\"><code>0402</code><name>Abgabe.ImportBestaetigen</name></xdomea:Nachrichtentyp>"
        + "<xdomea:Erstellungszeitpunkt>2026-11-27T10:20:00Z</xdomea:Erstellungszeitpunkt>"
        + "<xdomea:Absender><xdomea:Institution><xdomea:Name>Stadt Musterstadt, DMS</xdomea:Name></xdomea:Institution></xdomea:Absender>"
        + "<xdomea:Empfaenger><xdomea:Institution><xdomea:Name>Stadt Musterstadt</xdomea:Name></xdomea:Institution></xdomea:Empfaenger>"
        + "</xdomea:Kopf>"
        + "<xdomea:AbgegebenesObjekt><xdomea:IDSGO>"
        + VORGANG
        + "</xdomea:IDSGO><xdomea:Erfolgreich>"
        + ok
        + "</xdomea:Erfolgreich>"
        + (error == null ? "" : "<xdomea:Fehlermeldung>" + error + "</xdomea:Fehlermeldung>")
        + "</xdomea:AbgegebenesObjekt></xdomea:Abgabe.ImportBestaetigen.0402>";
  }

  @Test
  @DisplayName(
      "a successful and a failed 0402 import confirmation are read (the test replies validate against the XSD)")
  void reads0402() throws Exception {
    byte[] ok = reply0402(true, null).getBytes(StandardCharsets.UTF_8);
    XdomeaSchema.validate(ok);
    ImportConfirmation c = reader.read(new ByteArrayInputStream(ok), false);
    assertThat(c.processId()).isEqualTo(PROCESS);
    assertThat(c.imported()).isTrue();
    byte[] failed = reply0402(false, "Aktenplaneinheit unbekannt").getBytes(StandardCharsets.UTF_8);
    XdomeaSchema.validate(failed);
    ImportConfirmation f =
        reader.read(
            new ByteArrayInputStream(zip("x_Abgabe.ImportBestaetigen.0402.xml", failed)), true);
    assertThat(f.imported()).isFalse();
    assertThat(f.results())
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
    byte[] xml = reply0402(true, null).getBytes(StandardCharsets.UTF_8);
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
