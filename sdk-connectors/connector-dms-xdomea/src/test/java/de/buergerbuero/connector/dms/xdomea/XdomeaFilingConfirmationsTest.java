package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.connector.tck.FilingConfirmationsCompatibilityKit;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
    "xdomea DMS connector passes the confirmations kit with 0402 answers as the XSD allows")
class XdomeaFilingConfirmationsTest extends FilingConfirmationsCompatibilityKit {
  @TempDir Path temp;
  private Path replies;

  @Override
  protected DocumentStore createStore() throws Exception {
    Path base = Files.createTempDirectory(temp, "xdomea");
    replies = base.resolve("replies");
    return new XdomeaDocumentStore(
        new XdomeaDmsConfig(
            base.resolve("drop"),
            base.resolve("archive"),
            replies,
            "Stadt Musterstadt",
            "Digitales Bürgerbüro",
            "Stadt Musterstadt, DMS"),
        Clock.systemUTC());
  }

  /** The DMS's 0402, written as the standard documents it: Erfolgreich 1 or 0. */
  @Override
  protected void answer(String key, FiledCase filed, boolean imported, String reason)
      throws Exception {
    UUID process = UUID.fromString(filed.caseId().substring("xdomea:".length()));
    UUID vorgang = XdomeaDocumentStore.uuid("vorgang:" + key);
    Replies reply =
        imported
            ? Replies.importConfirmation(process).object(vorgang, "1")
            : Replies.importConfirmation(process).object(vorgang, "0", reason);
    Files.createDirectories(replies);
    Files.write(
        replies.resolve(process + "_Abgabe.ImportBestaetigen.0402.xml"), reply.validBytes());
  }

  @Override
  protected void answerGarbage() throws Exception {
    Files.createDirectories(replies);
    Files.write(
        replies.resolve(UUID.randomUUID() + "_Abgabe.ImportBestaetigen.0402.xml"),
        "<xdomea:Abgabe.ImportBestaetigen.0402".getBytes(StandardCharsets.UTF_8));
  }
}
