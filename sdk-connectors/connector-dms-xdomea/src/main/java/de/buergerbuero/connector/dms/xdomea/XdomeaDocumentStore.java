package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import de.buergerbuero.kernel.spi.dms.FilingConfirmation;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Files case records as xdomea 3.0.0 {@code Abgabe.Abgabe.0401} messages: a ZIP {@code
 * <ProzessID>_Abgabe.Abgabe.0401.zip} with {@code <ProzessID>_Abgabe.Abgabe.0401.xml} and the
 * documents as {@code <UUID>.<ext>}, handed over in the drop directory.
 *
 * <p>The ProzessID and every document UUID are derived from the idempotency key, so a repeated
 * filing produces the same message, and a DMS that checks ProzessIDs recognises it. The ZIP is
 * first placed (atomically) in the drop directory, then recorded in the archive directory; a filing
 * whose archive copy exists is not sent again. A crash between the two sends the same message once
 * more rather than never.
 */
public final class XdomeaDocumentStore implements DocumentStore, FilingConfirmations {
  static final String SUFFIX = "_Abgabe.Abgabe.0401";
  private static final Pattern DOCUMENT_ID =
      Pattern.compile("xdomea:([0-9a-f-]{36})/([0-9a-f-]{36}\\.[a-z0-9]{1,8})");
  private static final Pattern CASE_ID = Pattern.compile("xdomea:([0-9a-f-]{36})");
  private static final FileTime FIXED_TIME = FileTime.fromMillis(0);
  private static final String NO_REASON = "Import abgelehnt";
  private static final Logger LOG = Logger.getLogger(XdomeaDocumentStore.class.getName());

  private final XdomeaDmsConfig config;
  private final Clock clock;
  private final ReplyReader replies = new ReplyReader();

  public XdomeaDocumentStore(XdomeaDmsConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    return handOver(idempotencyKey, record, uuid("vorgang:" + idempotencyKey));
  }

  /**
   * Adds documents to a filed Vorgang with one more 0401 message that names the same Vorgang ID
   * (read from the archived message of the case), so that the DMS files them with it. The DMS
   * confirms it with its own 0402, like any filing.
   */
  @Override
  public FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    var m = caseId == null ? null : CASE_ID.matcher(caseId);
    if (m == null || !m.matches()) {
      throw DocumentStoreException.rejected("Unknown case: " + caseId);
    }
    if (!Files.isDirectory(config.archiveDirectory())) {
      throw DocumentStoreException.unavailable("xdomea archive directory missing", null);
    }
    Path archived = config.archiveDirectory().resolve(m.group(1) + SUFFIX + ".zip");
    if (!Files.exists(archived)) {
      throw DocumentStoreException.rejected("Unknown or rejected case: " + caseId);
    }
    UUID vorgangId;
    try {
      vorgangId = vorgangIdOf(archived, m.group(1) + SUFFIX + ".xml");
    } catch (IOException | XMLStreamException e) {
      throw DocumentStoreException.unavailable("xdomea archive not readable", e);
    }
    return handOver("addition:" + idempotencyKey, addition, vorgangId);
  }

  /** The ID of the first Vorgang in an archived 0401 message. */
  private static UUID vorgangIdOf(Path zipFile, String entryName)
      throws IOException, XMLStreamException {
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        throw new IOException("no message in " + zipFile.getFileName());
      }
      XMLInputFactory f = XMLInputFactory.newFactory();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      try (InputStream in = zip.getInputStream(entry)) {
        XMLStreamReader r = f.createXMLStreamReader(in);
        boolean inVorgang = false;
        while (r.hasNext()) {
          if (r.next() == XMLStreamReader.START_ELEMENT) {
            String name = r.getLocalName();
            if ("Vorgang".equals(name)) {
              inVorgang = true;
            } else if (inVorgang && "ID".equals(name)) {
              return UUID.fromString(r.getElementText().strip());
            }
          }
        }
      } catch (IllegalArgumentException e) {
        throw new IOException("Vorgang ID is not a UUID", e);
      }
    }
    throw new IOException("no Vorgang in " + zipFile.getFileName());
  }

  private FiledCase handOver(String idempotencyKey, CaseRecord record, UUID vorgangId) {
    UUID processId = uuid("process:" + idempotencyKey);
    String name = processId + SUFFIX;
    Path archived = config.archiveDirectory().resolve(name + ".zip");
    Path index = config.archiveDirectory().resolve(name + ".index");
    try {
      if (Files.exists(archived) && Files.exists(index)) {
        return readIndex(processId, index);
      }
      Files.createDirectories(config.archiveDirectory());
      Files.createDirectories(config.dropDirectory());
      List<AbgabeMessage.Entry> entries = new ArrayList<>();
      int n = 0;
      for (CaseDocument doc : record.documents()) {
        UUID id = uuid("document:" + idempotencyKey + ":" + (++n));
        entries.add(
            new AbgabeMessage.Entry(doc, id, id + "." + FileFormats.extension(doc.fileName())));
      }
      Path tmp = Files.createTempFile(config.archiveDirectory(), ".sending-", ".zip");
      try {
        writeZip(tmp, name, processId, vorgangId, record, entries);
        Path dropTmp = Files.createTempFile(config.dropDirectory(), ".incoming-", ".part");
        Files.copy(tmp, dropTmp, StandardCopyOption.REPLACE_EXISTING);
        fsync(dropTmp);
        Files.move(
            dropTmp, config.dropDirectory().resolve(name + ".zip"), StandardCopyOption.ATOMIC_MOVE);
        writeIndex(index, processId, entries);
        Files.move(
            tmp, archived, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return readIndex(processId, index);
    } catch (IOException | UncheckedIOException e) {
      throw DocumentStoreException.unavailable(
          "xdomea drop or archive directory not writable (" + e.getClass().getSimpleName() + ")",
          e);
    } catch (XMLStreamException e) {
      throw DocumentStoreException.rejected(
          "xdomea message could not be written: " + e.getMessage());
    }
  }

  private void writeZip(
      Path target,
      String name,
      UUID processId,
      UUID vorgangId,
      CaseRecord record,
      List<AbgabeMessage.Entry> entries)
      throws IOException, XMLStreamException {
    try (OutputStream file = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
      zip.putNextEntry(entry(name + ".xml"));
      AbgabeMessage.write(
          new NonClosing(zip), config, processId, vorgangId, record, entries, clock.instant());
      zip.closeEntry();
      for (AbgabeMessage.Entry e : entries) {
        zip.putNextEntry(entry(e.zipName()));
        long copied;
        try (InputStream in = e.document().content().open()) {
          copied = in.transferTo(zip);
        }
        if (copied != e.document().size()) {
          throw DocumentStoreException.rejected(
              "Document has " + copied + " bytes, announced were " + e.document().size());
        }
        zip.closeEntry();
      }
    }
    fsync(target);
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(FIXED_TIME); // same input, same bytes
    return e;
  }

  /** One line per document: document id, size, original file name (names have no tabs). */
  private static void writeIndex(Path index, UUID processId, List<AbgabeMessage.Entry> entries)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (AbgabeMessage.Entry e : entries) {
      sb.append("xdomea:")
          .append(processId)
          .append('/')
          .append(e.zipName())
          .append('\t')
          .append(e.document().size())
          .append('\t')
          .append(e.document().fileName())
          .append('\n');
    }
    Path tmp = Files.createTempFile(index.getParent(), ".index-", ".tmp");
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    fsync(tmp);
    Files.move(tmp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static FiledCase readIndex(UUID processId, Path index) throws IOException {
    List<FiledCase.FiledDocument> docs = new ArrayList<>();
    for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      docs.add(new FiledCase.FiledDocument(f[0], f[2], Long.parseLong(f[1])));
    }
    return new FiledCase("xdomea:" + processId, docs);
  }

  /** The DMS confirms the import with a 0402 reply. */
  @Override
  public boolean confirmsAsynchronously(String caseId) {
    return caseId.startsWith("xdomea:");
  }

  /**
   * Reads the 0402 replies in the reply directory. 0403 (received, not yet imported) replies and
   * unreadable or hostile files are moved aside at once ({@code processed/}, {@code rejected/}).
   */
  @Override
  public List<FilingConfirmation> poll() {
    List<FilingConfirmation> found = new ArrayList<>();
    Path dir = config.replyDirectory();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    List<Path> files;
    try (var list = Files.list(dir)) {
      files =
          list.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("xdomea reply directory not readable", e);
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      try (InputStream in = Files.newInputStream(f)) {
        ImportConfirmation c =
            replies.read(in, name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip"));
        if (!"0402".equals(c.messageType())) {
          moveAside(f, "processed");
          continue;
        }
        String reason = c.imported() ? null : reason(c);
        found.add(new FilingConfirmation("xdomea:" + c.processId(), c.imported(), reason, name));
      } catch (de.buergerbuero.kernel.error.MalformedRequestException | IOException e) {
        LOG.warning(
            () ->
                "xdomea reply "
                    + XsValues.printable(name)
                    + " set aside in rejected/: "
                    + e.getMessage());
        moveAside(f, "rejected");
      }
    }
    return found;
  }

  /**
   * Why a 0402 did not import everything. One object: the DMS's Fehlermeldung as it is. Several
   * (the DMS answers per Vorgang and per Dokument): each rejected object with its own reason, the
   * documents by their original file name.
   */
  private String reason(ImportConfirmation c) {
    List<ImportConfirmation.ObjectResult> rejected = c.rejected();
    if (c.results().size() == 1) {
      String r = rejected.get(0).reason();
      return r == null ? NO_REASON : r;
    }
    Map<String, String> names = documentNames(c.processId());
    StringBuilder sb =
        new StringBuilder()
            .append(rejected.size())
            .append(" von ")
            .append(c.results().size())
            .append(" Objekten nicht importiert: ");
    for (int i = 0; i < rejected.size(); i++) {
      ImportConfirmation.ObjectResult r = rejected.get(i);
      String file = names.get(r.objectId().toString());
      sb.append(i == 0 ? "" : "; ")
          .append(file == null ? "Objekt " + r.objectId() : "Dokument " + file)
          .append(": ")
          .append(r.reason() == null ? NO_REASON : r.reason());
    }
    return sb.toString();
  }

  /** Document id (the UUID of its ZIP entry) to original file name, from the archive index. */
  private Map<String, String> documentNames(UUID processId) {
    Path index = config.archiveDirectory().resolve(processId + SUFFIX + ".index");
    Map<String, String> names = new HashMap<>();
    try {
      if (Files.exists(index)) {
        for (FiledCase.FiledDocument d : readIndex(processId, index).documents()) {
          String id = d.documentId().substring(d.documentId().indexOf('/') + 1);
          names.put(id.substring(0, Math.min(36, id.length())), d.fileName());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "xdomea archive index of " + processId + " not readable: " + e);
    }
    return names;
  }

  /**
   * After a rejection the archived message is moved to {@code archive/rejected/} (kept, with the
   * time of the rejection in its name), so that filing the case again (an administrator's retry)
   * hands the message over again instead of finding the archive copy and sending nothing.
   */
  @Override
  public void done(FilingConfirmation confirmation) {
    if (!confirmation.imported() && confirmation.caseId().startsWith("xdomea:")) {
      setAsideRejected(confirmation.caseId().substring("xdomea:".length()));
    }
    Path f = config.replyDirectory().resolve(confirmation.source()).normalize();
    if (f.startsWith(config.replyDirectory()) && Files.exists(f)) {
      moveAside(f, "processed");
    }
  }

  private void setAsideRejected(String processId) {
    UUID id;
    try {
      id = UUID.fromString(processId);
    } catch (IllegalArgumentException e) {
      return;
    }
    String name = id + SUFFIX;
    Path rejected = config.archiveDirectory().resolve("rejected");
    String stamp = "-rejected-" + clock.millis();
    try {
      Files.createDirectories(rejected);
      for (String ext : List.of(".zip", ".index")) {
        Path archived = config.archiveDirectory().resolve(name + ext);
        if (Files.exists(archived)) {
          Files.move(
              archived,
              rejected.resolve(name + stamp + ext),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("xdomea archive not writable", e);
    }
  }

  private static void moveAside(Path file, String folder) {
    try {
      Path target = file.resolveSibling(folder);
      Files.createDirectories(target);
      Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("xdomea reply could not be moved", e);
    }
  }

  @Override
  public InputStream openDocument(String documentId) {
    var m = documentId == null ? null : DOCUMENT_ID.matcher(documentId);
    if (m == null || !m.matches()) {
      throw DocumentStoreException.noSuchDocument(String.valueOf(documentId));
    }
    Path archived = config.archiveDirectory().resolve(m.group(1) + SUFFIX + ".zip");
    try {
      ZipFile zip = new ZipFile(archived.toFile());
      ZipEntry entry = zip.getEntry(m.group(2));
      if (entry == null) {
        zip.close();
        throw DocumentStoreException.noSuchDocument(documentId);
      }
      return new java.io.FilterInputStream(zip.getInputStream(entry)) {
        @Override
        public void close() throws IOException {
          super.close();
          zip.close();
        }
      };
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw DocumentStoreException.noSuchDocument(documentId);
    } catch (IOException e) {
      throw DocumentStoreException.unavailable("xdomea archive not readable", e);
    }
  }

  /** A name-based UUID: the same key always gives the same id. */
  static UUID uuid(String key) {
    return UUID.nameUUIDFromBytes(("buergerbuero:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static void fsync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Lets the XML writer close its stream without closing the ZIP. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
