package de.buergerbuero.connector.dms.cmis;

import de.buergerbuero.kernel.error.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the CMIS connector (prefix {@code buergerbuero.dms.cmis.}; read by the
 * application, never by the connector).
 *
 * @param browserUrl {@code url}: the browser binding service URL, e.g. {@code
 *     https://dms.example.de/cmis/browser}
 * @param repositoryId {@code repository}: the repository id, e.g. {@code A1}
 * @param username {@code user}: technical user of the portal
 * @param password {@code password}: its password (never logged)
 * @param baseFolder {@code folder}: absolute folder path under which one folder per application is
 *     created, e.g. {@code /Bürgerbüro/Vorgänge}; created when missing
 * @param folderTypeId {@code folder-type}: object type of the case folders, default {@code
 *     cmis:folder}
 * @param metadataProperties {@code property.<metadata key>=<CMIS property id>}: which case metadata
 *     (serviceId, leikaKey, department, …) go into which folder property; empty by default because
 *     {@code cmis:folder} has no such properties
 * @param timeout {@code timeout}: connect and per-request timeout (ISO-8601 or seconds), default 30
 *     s
 */
public record CmisDmsConfig(
    URI browserUrl,
    String repositoryId,
    String username,
    String password,
    String baseFolder,
    String folderTypeId,
    Map<String, String> metadataProperties,
    Duration timeout) {
  public static final String PREFIX = "buergerbuero.dms.cmis.";

  public CmisDmsConfig {
    require(browserUrl, "url");
    require(repositoryId, "repository");
    require(username, "user");
    require(password, "password");
    require(baseFolder, "folder");
    String scheme = browserUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new ConfigurationException(PREFIX + "url must be an http(s) URL: " + browserUrl);
    }
    if (!baseFolder.startsWith("/")) {
      throw new ConfigurationException(PREFIX + "folder must be an absolute path: " + baseFolder);
    }
    for (String segment : segments(baseFolder)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new ConfigurationException(PREFIX + "folder must not contain . or ..");
      }
    }
    if (folderTypeId == null || folderTypeId.isBlank()) {
      folderTypeId = "cmis:folder";
    }
    metadataProperties = Map.copyOf(metadataProperties == null ? Map.of() : metadataProperties);
    if (timeout == null) {
      timeout = Duration.ofSeconds(30);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigurationException(PREFIX + "timeout must be positive");
    }
  }

  /** A configuration with the defaults for folder type, metadata mapping and timeout. */
  public static CmisDmsConfig of(
      URI browserUrl, String repositoryId, String username, String password, String baseFolder) {
    return new CmisDmsConfig(
        browserUrl, repositoryId, username, password, baseFolder, null, null, null);
  }

  /** The base folder's path segments, without empty ones. */
  java.util.List<String> baseFolderSegments() {
    return segments(baseFolder);
  }

  private static java.util.List<String> segments(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  private static void require(Object value, String key) {
    if (value == null || value.toString().isBlank()) {
      throw new ConfigurationException("Missing configuration: " + PREFIX + key);
    }
  }

  @Override
  public String toString() {
    return "CmisDmsConfig[url="
        + browserUrl
        + ", repository="
        + repositoryId
        + ", user="
        + username
        + ", password=***, folder="
        + baseFolder
        + ", folderType="
        + folderTypeId
        + ", timeout="
        + timeout
        + "]";
  }
}
