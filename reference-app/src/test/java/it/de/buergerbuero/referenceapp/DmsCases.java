package it.de.buergerbuero.referenceapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what the file-system DMS holds, to count filings per application. */
final class DmsCases {
  static final Path DMS = Path.of(System.getProperty("dms.dir"));
  private static final Pattern KEY =
      Pattern.compile("\"idempotencyKey\":\"dms-file-application:([0-9a-f-]{36})\"");

  private DmsCases() {}

  /** The case folder filed for an application. */
  static Path caseFolder(String applicationId) throws IOException {
    try (Stream<Path> all = Files.list(DMS.resolve("cases"))) {
      for (Path c : all.toList()) {
        Matcher m = KEY.matcher(Files.readString(c.resolve("vorgang.json")));
        if (m.find() && m.group(1).equals(applicationId)) {
          return c;
        }
      }
    }
    throw new AssertionError("no case folder for " + applicationId);
  }

  /** Application id → number of case folders filed for it. */
  static Map<String, Integer> countByApplication() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    Path cases = DMS.resolve("cases");
    if (!Files.isDirectory(cases)) {
      return counts;
    }
    try (Stream<Path> all = Files.list(cases)) {
      for (Path c : all.toList()) {
        Matcher m = KEY.matcher(Files.readString(c.resolve("vorgang.json")));
        if (m.find()) {
          counts.merge(m.group(1), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
