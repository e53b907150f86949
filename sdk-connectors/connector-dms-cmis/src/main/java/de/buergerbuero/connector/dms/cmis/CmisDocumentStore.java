package de.buergerbuero.connector.dms.cmis;

import com.fasterxml.jackson.databind.JsonNode;
import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.spi.dms.CaseDocument;
import de.buergerbuero.kernel.spi.dms.CaseRecord;
import de.buergerbuero.kernel.spi.dms.DocumentStore;
import de.buergerbuero.kernel.spi.dms.DocumentStoreException;
import de.buergerbuero.kernel.spi.dms.FiledCase;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files case records into a CMIS 1.1 repository through the browser binding.
 *
 * <p>Layout: below the configured base folder one folder per case record, named {@code
 * <reference>_<first 12 hex digits of SHA-256(idempotency key)>} — readable for the clerk and
 * derived from the key, so the key is stored in the repository itself and a repeated filing finds
 * the folder by path (a strongly consistent lookup, unlike queries, which many DMSs answer from a
 * lagging search index). Inside it one document per {@link CaseDocument}, named by its file name.
 *
 * <p>Idempotency and crashes: a filing that stopped half-way leaves the folder with some documents;
 * the retry lists the folder, keeps documents with the right name and size, replaces ones with a
 * wrong size (a cut upload on a DMS without atomic creation) and creates the missing ones. Two
 * filings racing for the same key in one JVM take turns; across JVMs they meet at the name conflict
 * (409) and both read the winner's objects — on repositories that enforce unique names atomically.
 */
public final class CmisDocumentStore implements DocumentStore {
  /**
   * Filings of the same case folder in this JVM take turns. Not every repository makes "create if
   * the name is free" atomic (the Apache Chemistry InMemory server creates two folders of the same
   * name when asked at the same moment), and the outbox may, after a lease expired, deliver the
   * same entry from two lanes. Different cases still file in parallel (striped locks).
   */
  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private final CmisDmsConfig config;
  private final CmisTransport transport;
  private volatile String baseFolderId;

  public CmisDocumentStore(CmisDmsConfig config) {
    this.config = config;
    this.transport = new CmisTransport(config);
  }

  @Override
  public FiledCase fileCase(String idempotencyKey, CaseRecord record) {
    String folderName = folderName(idempotencyKey, record.reference());
    String parent = baseFolder();
    synchronized (LOCKS[Math.floorMod(folderName.hashCode(), LOCKS.length)]) {
      String folderId = caseFolder(parent, folderName, record);
      Map<String, JsonNode> existing = children(folderId);
      List<FiledCase.FiledDocument> filed = new ArrayList<>();
      for (CaseDocument document : record.documents()) {
        filed.add(document(folderId, document, existing, record.reference(), true));
      }
      return new FiledCase(folderId, filed);
    }
  }

  /**
   * Adds the documents to the case folder {@code caseId}. Idempotent like filing: a document of the
   * same name and size already in the folder counts as added (names are unique within a case).
   */
  @Override
  public FiledCase addDocuments(String idempotencyKey, String caseId, CaseRecord addition) {
    if (caseId == null || caseId.isBlank() || caseId.length() > 512) {
      throw DocumentStoreException.rejected("Unknown case: " + caseId);
    }
    Map<String, String> query = selector("object");
    query.put("objectId", caseId);
    JsonNode folder = transport.getJsonOrNull(transport.rootUri(List.of(), query));
    if (folder == null
        || !"cmis:folder"
            .equals(CmisObjects.string(folder, "cmis:baseTypeId").orElse("cmis:folder"))) {
      throw DocumentStoreException.rejected("Unknown case folder: " + caseId);
    }
    synchronized (LOCKS[Math.floorMod(caseId.hashCode(), LOCKS.length)]) {
      Map<String, JsonNode> existing = children(caseId);
      List<FiledCase.FiledDocument> added = new ArrayList<>();
      for (CaseDocument document : addition.documents()) {
        added.add(document(caseId, document, existing, addition.reference(), false));
      }
      return new FiledCase(caseId, added);
    }
  }

  @Override
  public InputStream openDocument(String documentId) {
    if (documentId == null || documentId.isBlank() || documentId.length() > 512) {
      throw DocumentStoreException.noSuchDocument(String.valueOf(documentId));
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("objectId", documentId);
    query.put("cmisselector", "content");
    return transport.getContent(transport.rootUri(List.of(), query), documentId);
  }

  static String folderName(String idempotencyKey, String reference) {
    String readable = reference.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    if (readable.length() > 80) {
      readable = readable.substring(0, 80);
    }
    String hash = Hashes.sha256Hex(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    return readable + "_" + hash.substring(0, 12);
  }

  private String caseFolder(String parent, String folderName, CaseRecord record) {
    List<String> path = new ArrayList<>(config.baseFolderSegments());
    path.add(folderName);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("cmis:objectTypeId", config.folderTypeId());
    properties.put("cmis:name", folderName);
    properties.put("cmis:description", record.title() + " – " + record.reference());
    config
        .metadataProperties()
        .forEach(
            (metadataKey, propertyId) -> {
              String value = record.metadata().get(metadataKey);
              if (value != null) {
                properties.put(propertyId, value);
              }
            });
    return objectId(findOrCreateFolder(parent, path, properties));
  }

  /**
   * The base folder's id, creating missing folders on the way; cached after the first call.
   * Synchronized: the folders are created once, not by every delivery lane at the same moment.
   */
  private synchronized String baseFolder() {
    String known = baseFolderId;
    if (known != null) {
      return known;
    }
    JsonNode folder = transport.getJsonOrNull(transport.rootUri(List.of(), selector("object")));
    if (folder == null) {
      throw DocumentStoreException.refused(
          "CMIS-Repository " + config.repositoryId() + " hat keinen Wurzelordner", null);
    }
    List<String> path = new ArrayList<>();
    for (String segment : config.baseFolderSegments()) {
      path.add(segment);
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("cmis:objectTypeId", "cmis:folder");
      properties.put("cmis:name", segment);
      folder = findOrCreateFolder(objectId(folder), path, properties);
    }
    baseFolderId = objectId(folder);
    return baseFolderId;
  }

  private JsonNode findOrCreateFolder(
      String parentId, List<String> path, Map<String, String> properties) {
    URI byPath = transport.rootUri(path, selector("object"));
    JsonNode folder = transport.getJsonOrNull(byPath);
    if (folder != null) {
      return folder;
    }
    try {
      return transport.postForm(
          transport.rootUri(List.of(), Map.of("objectId", parentId)),
          CmisTransport.properties("createFolder", properties));
    } catch (CmisTransport.NameTaken raced) {
      JsonNode winner = transport.getJsonOrNull(byPath);
      if (winner == null) {
        if (!raced.certain()) {
          throw raced.refusal();
        }
        throw DocumentStoreException.unavailable("CMIS-Ordner " + path + " nicht lesbar", raced);
      }
      return winner;
    }
  }

  private Map<String, JsonNode> children(String folderId) {
    Map<String, JsonNode> byName = new HashMap<>();
    int skip = 0;
    while (true) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("objectId", folderId);
      query.put("cmisselector", "children");
      query.put("succinct", "true");
      query.put("maxItems", "500");
      query.put("skipCount", Integer.toString(skip));
      JsonNode page = transport.getJsonOrNull(transport.rootUri(List.of(), query));
      if (page == null) {
        throw DocumentStoreException.unavailable("CMIS-Ordner " + folderId + " verschwunden", null);
      }
      JsonNode objects = page.path("objects");
      for (JsonNode entry : objects) {
        JsonNode object = entry.path("object");
        CmisObjects.string(object, "cmis:name").ifPresent(name -> byName.put(name, object));
      }
      skip += objects.size();
      if (!page.path("hasMoreItems").asBoolean(false) || objects.isEmpty()) {
        return byName;
      }
    }
  }

  /**
   * Files one document into the folder. A document of the same name and size counts as filed before
   * (the retry of a cut-off filing). One of another size is replaced only in a folder this store
   * created for the case ({@code replaceable}); in a Vorgang that documents are added to, it may be
   * anybody's, so it is never deleted and the addition is refused instead.
   */
  private FiledCase.FiledDocument document(
      String folderId,
      CaseDocument document,
      Map<String, JsonNode> existing,
      String reference,
      boolean replaceable) {
    JsonNode present = existing.get(document.fileName());
    if (present != null) {
      if (length(present) == document.size()) {
        return filed(present, document);
      }
      if (!replaceable) {
        throw DocumentStoreException.rejected(
            "Der Vorgang enthält schon ein anderes Dokument namens " + document.fileName());
      }
      delete(CmisObjects.objectId(present));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("cmis:objectTypeId", "cmis:document");
    properties.put("cmis:name", document.fileName());
    properties.put("cmis:description", reference);
    MultipartBody body =
        new MultipartBody(CmisTransport.properties("createDocument", properties), document);
    try {
      JsonNode created =
          transport.postMultipart(transport.rootUri(List.of(), Map.of("objectId", folderId)), body);
      return filed(created, document);
    } catch (CmisTransport.NameTaken raced) {
      JsonNode winner = children(folderId).get(document.fileName());
      if (winner == null && !raced.certain()) {
        throw raced.refusal();
      }
      if (winner == null || length(winner) != document.size()) {
        throw DocumentStoreException.unavailable(
            "Dokument " + document.fileName() + " wird gerade parallel abgelegt", raced);
      }
      return filed(winner, document);
    }
  }

  private void delete(String objectId) {
    transport.postAction(
        transport.rootUri(List.of(), Map.of("objectId", objectId)),
        Map.of("cmisaction", "delete", "allVersions", "true"));
  }

  private static FiledCase.FiledDocument filed(JsonNode object, CaseDocument document) {
    return new FiledCase.FiledDocument(
        CmisObjects.objectId(object), document.fileName(), document.size());
  }

  /** The stored content's length; -1 when the document has none (§5.2.7 "not set"). */
  private static long length(JsonNode object) {
    return CmisObjects.integer(object, "cmis:contentStreamLength").orElse(-1);
  }

  private static String objectId(JsonNode object) {
    return CmisObjects.objectId(object);
  }

  private static Map<String, String> selector(String selector) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("cmisselector", selector);
    query.put("succinct", "true");
    return query;
  }

  @Override
  public String toString() {
    return "CmisDocumentStore[" + config + "]";
  }
}
