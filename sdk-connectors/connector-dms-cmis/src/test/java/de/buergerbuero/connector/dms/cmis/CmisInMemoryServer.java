package de.buergerbuero.connector.dms.cmis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Apache Chemistry's CMIS InMemory server (the real third-party peer of the CMIS tests), run as a
 * separate process with jetty-runner on loopback. Maven copies the war and jetty-runner from Maven
 * Central into {@code target/cmis-server}; this class patches the war once and starts it:
 *
 * <ul>
 *   <li>{@code WEB-INF/web.xml}: the two JAX-WS servlets ({@code cmisws10}, {@code cmisws11}) with
 *       their mappings and filter mappings are removed — on Java 17 the war does not start with
 *       them (no JAX-WS runtime);
 *   <li>{@code repository.properties}: the sample-data filler is switched off (tests start empty)
 *       and the content limit raised from 20 MB to 100 MB (the kit files 50 MB).
 * </ul>
 *
 * <p>Also usable from scripts: {@code java -cp … CmisInMemoryServer <dir> <port>} runs until
 * killed.
 */
public final class CmisInMemoryServer implements AutoCloseable {
  public static final String USER = "admin";
  public static final String PASSWORD = "admin";
  public static final String REPOSITORY = "A1";
  private static final Set<String> JAX_WS_SERVLETS = Set.of("cmisws10", "cmisws11");

  private final Path directory;
  private final int port;
  private Process process;

  public CmisInMemoryServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** The server directory Maven prepared ({@code -Dcmis.server.dir}). */
  public static Path defaultDirectory() {
    String dir = System.getProperty("cmis.server.dir");
    if (dir == null) {
      throw new IllegalStateException("system property cmis.server.dir is not set");
    }
    return Path.of(dir);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public URI browserUrl() {
    return URI.create("http://127.0.0.1:" + port + "/cmis/browser");
  }

  public int port() {
    return port;
  }

  public synchronized CmisInMemoryServer start() throws Exception {
    if (process != null && process.isAlive()) {
      return this;
    }
    Path war = patchedWar(directory);
    Path log = directory.resolve("jetty-" + port + ".log");
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                directory.resolve("jetty-runner.jar").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--path",
                "/cmis",
                war.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    awaitReady(log);
    return this;
  }

  /** Stops the server process; its in-memory content is gone. */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitReady(Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("CMIS server exited; see " + log);
      }
      try {
        HttpURLConnection c = (HttpURLConnection) browserUrl().toURL().openConnection();
        c.setRequestProperty("Authorization", auth);
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        if (c.getResponseCode() == 200) {
          c.getInputStream().close();
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    stop();
    throw new IllegalStateException("CMIS server did not start within 90 s; see " + log);
  }

  private static Path patched;

  /** Writes {@code inmemory-patched.war} once per JVM and returns it. */
  static synchronized Path patchedWar(Path directory) throws Exception {
    if (patched != null) {
      return patched;
    }
    Path original = directory.resolve("chemistry-opencmis-server-inmemory.war");
    Path temporary = Files.createTempFile(directory, "inmemory-patched", ".tmp");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().equals("WEB-INF/web.xml")) {
          bytes = withoutJaxWs(bytes);
        } else if (entry.getName().equals("WEB-INF/classes/repository.properties")) {
          bytes = testRepository(bytes);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    patched =
        Files.move(
            temporary,
            directory.resolve("inmemory-patched.war"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return patched;
  }

  private static byte[] withoutJaxWs(byte[] webXml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    Document document =
        factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(webXml));
    for (String tag : List.of("servlet", "servlet-mapping", "filter-mapping")) {
      NodeList nodes = document.getDocumentElement().getElementsByTagNameNS("*", tag);
      for (int i = nodes.getLength() - 1; i >= 0; i--) {
        Element element = (Element) nodes.item(i);
        NodeList names = element.getElementsByTagNameNS("*", "servlet-name");
        if (names.getLength() > 0
            && JAX_WS_SERVLETS.contains(names.item(0).getTextContent().trim())) {
          Node parent = element.getParentNode();
          parent.removeChild(element);
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    transformer.transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }

  private static byte[] testRepository(byte[] properties) {
    String text = new String(properties, StandardCharsets.ISO_8859_1);
    text =
        text.replaceAll("(?m)^InMemoryServer\\.MaxSize=.*$", "InMemoryServer.MaxSize=104857600")
            .replaceAll("(?m)^RepositoryFiller\\.Enable=.*$", "RepositoryFiller.Enable=false")
            .replaceAll(
                "(?m)^InMemoryServer\\.EncryptTempFiles=.*$",
                "InMemoryServer.EncryptTempFiles=false");
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Runs the server until the process is killed: {@code <server dir> <port>}. */
  public static void main(String[] args) throws Exception {
    try (CmisInMemoryServer server =
        new CmisInMemoryServer(Path.of(args[0]), Integer.parseInt(args[1]))) {
      server.start();
      System.out.println("CMIS InMemory server ready at " + server.browserUrl());
      Thread.currentThread().join();
    }
  }
}
