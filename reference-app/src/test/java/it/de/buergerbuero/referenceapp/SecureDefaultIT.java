package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reference app as an operator would start it without the development profile: a second Liberty
 * server with the same server.xml and application, but none of the test configuration (no
 * buergerbuero.profile, no secrets). It must refuse to start, name the missing secret, and never
 * include the development login's user registry (ADR 0015).
 */
@DisplayName("Secure by default: no profile, no secrets, no start")
class SecureDefaultIT {
  private static final Path WLP = Path.of(System.getProperty("wlp.dir"));
  private static final String TEMPLATE = System.getProperty("liberty.server.name", "buergerbuero");
  private static final String SERVER = TEMPLATE + "-without-profile";
  private static final Path DIR = WLP.resolve("usr/servers").resolve(SERVER);
  private static final Path LOG = DIR.resolve("logs/messages.log");

  private static String log;

  @BeforeAll
  static void startWithoutProfile() throws Exception {
    Path template = WLP.resolve("usr/servers").resolve(TEMPLATE);
    deleteRecursively(DIR);
    Files.createDirectories(DIR);
    for (String name :
        List.of("server.xml", "dev-login.xml", "profile-development.xml", "jdbc", "apps")) {
      copyRecursively(template.resolve(name), DIR.resolve(name));
    }
    // ports of this run plus five, so that it runs beside the test server
    int http = Integer.getInteger("http.port", 9080) + 5;
    int https = Integer.getInteger("https.port", 9443) + 5;
    Files.writeString(
        DIR.resolve("bootstrap.properties"), "http.port=" + http + "\nhttps.port=" + https + "\n");
    ProcessBuilder start =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER).inheritIO();
    start.environment().keySet().removeIf(k -> k.startsWith("BUERGERBUERO_"));
    assertThat(start.start().waitFor()).isZero();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      String text = Files.exists(LOG) ? Files.readString(LOG) : "";
      if (text.contains("CWWKZ0012I")
          || text.contains("CWWKZ0002E")
          || text.contains("CWWKZ0001I")) {
        Thread.sleep(1000); // let the rest of the failure reach the log
        log = Files.readString(LOG);
        return;
      }
      Thread.sleep(500);
    }
    log = Files.exists(LOG) ? Files.readString(LOG) : "";
  }

  @AfterAll
  static void stop() throws Exception {
    new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", SERVER)
        .inheritIO()
        .start()
        .waitFor();
  }

  @Test
  @DisplayName("the application refuses to start and the message names the missing secret")
  void refusesToStartNamingTheSecret() {
    assertThat(log).as("messages.log of %s", SERVER).containsAnyOf("CWWKZ0012I", "CWWKZ0002E");
    assertThat(log).doesNotContain("CWWKZ0001I");
    assertThat(log)
        .contains("buergerbuero.appointments.secret")
        .contains("buergerbuero.profile=development");
  }

  @Test
  @DisplayName("the development login's user registry (dev-login.xml) is never included")
  void developmentLoginNotIncluded() {
    assertThat(log).isNotEmpty();
    assertThat(log.lines().filter(l -> l.contains("CWWKG0028A")))
        .noneMatch(l -> l.contains("dev-login.xml") || l.contains("profile-development.xml"));
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
