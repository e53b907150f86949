package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two more instances of the app under test, started by {@code bin/cluster} from its configuration
 * on the same PostgreSQL database and DMS folder, behind HAProxy (issue 20 item 3, ADR 0019). The
 * server under test keeps running beside them, so three outbox workers share one outbox. Only on
 * PostgreSQL: embedded Derby belongs to one process.
 */
@EnabledIfSystemProperty(named = "db.kind", matches = "postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Several instances behind a load balancer")
class ClusterIT {
  private static final Path SCRIPT = Path.of(System.getProperty("cluster.script"));
  private static final int PORT = Integer.getInteger("cluster.port", 9090);
  private static final String LB = "http://127.0.0.1:" + PORT;

  @BeforeAll
  static void start() throws Exception {
    cluster("start");
  }

  @AfterAll
  static void stop() throws Exception {
    cluster("stop");
  }

  @Test
  @Order(1)
  @DisplayName("600 applications through the load balancer: each outbox entry claimed once")
  void eachEntryDeliveredOnce() throws Exception {
    List<String> ids = submitConcurrently(600, Duration.ZERO, new AtomicInteger());
    assertThat(ids).hasSize(600);
    awaitFiled(ids);
    Map<String, int[]> outbox = outbox(ids);
    // an entry is delivered only after its claim, and every claim counts an attempt: one attempt
    // means one delivery, whichever of the three instances made it
    assertThat(outbox.values()).allSatisfy(a -> assertThat(a[0]).as("attempts").isEqualTo(1));
    assertThat(outbox).hasSize(600);
  }

  @Test
  @Order(2)
  @DisplayName("a browser session survives the loss of the instance that created it")
  void sessionSurvivesInstanceLoss() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String node1 = "http://127.0.0.1:" + (PORT + 1);
    String node2 = "http://127.0.0.1:" + (PORT + 2);
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(node1 + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=ben&password=ben&trustLevel=substantial"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    String token = csrfToken(browser.send(get(node1), HttpResponse.BodyHandlers.ofString()));

    cluster("kill", "1");
    try {
      HttpResponse<String> session = browser.send(get(node2), HttpResponse.BodyHandlers.ofString());
      assertThat(session.body())
          .contains("\"role\":\"applicant\"", "\"trustLevel\":\"substantial\"");
      assertThat(csrfToken(session)).isEqualTo(token);
      // the session and its CSRF token carry a state-changing request on the other instance
      HttpResponse<String> applied =
          browser.send(
              HttpRequest.newBuilder(URI.create(LB + "/api/v1/applications"))
                  .header("Content-Type", "application/json")
                  .header("X-CSRF-Token", token)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"serviceId\":\"bewohnerparkausweis\",\"formData\":" + PARKING + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    } finally {
      cluster("start-node", "1");
    }
  }

  @Test
  @Order(3)
  @DisplayName(
      "kill -9 of one instance under intake load: every acknowledged application found, none twice")
  void killUnderLoad() throws Exception {
    AtomicInteger unanswered = new AtomicInteger();
    List<String> ids = submitConcurrently(100_000, Duration.ofSeconds(20), unanswered);
    System.out.printf(
        "ClusterIT: %d applications acknowledged, %d requests without answer around the kill%n",
        ids.size(), unanswered.get());
    assertThat(ids).hasSizeGreaterThan(100);
    assertThat(new java.util.HashSet<>(ids)).hasSize(ids.size());
    awaitFiled(ids);
    Map<String, Integer> filed = DmsCases.countByApplication();
    assertThat(ids).allSatisfy(id -> assertThat(filed.get(id)).as(id).isEqualTo(1));
    assertThat(outbox(ids).values()).allSatisfy(a -> assertThat(a[1]).as("delivered").isEqualTo(1));
    for (String id : ids) {
      assertThat(
              send(requestTo(LB, "/api/v1/applications/" + id, "anna").GET().build()).statusCode())
          .as(id)
          .isEqualTo(200);
    }
    // none twice: the database holds at most the acknowledged applications plus those whose answer
    // was lost with the killed instance
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement("SELECT COUNT(*) FROM bb_application WHERE form_data LIKE ?")) {
      q.setString(1, "%" + MARKER + "%");
      try (ResultSet r = q.executeQuery()) {
        r.next();
        assertThat(r.getInt(1)).isBetween(ids.size() + 600, ids.size() + 600 + unanswered.get());
      }
    }
  }

  private static final String MARKER = "ClusterIT-" + System.currentTimeMillis();

  /**
   * Submits {@code max} applications from 8 clients through the load balancer, or as many as fit
   * into {@code duration} if it is not zero, killing instance 2 after a third of it and starting it
   * again at the end. Returns the ids of the acknowledged (201) applications.
   */
  private static List<String> submitConcurrently(int max, Duration duration, AtomicInteger failed)
      throws Exception {
    String body =
        "{\"serviceId\":\"sperrmuell\",\"formData\":{\"address\":{\"street\":\"Hauptstraße 1\","
            + "\"postalCode\":\"12345\",\"city\":\"Musterstadt\"},\"items\":[\"Sofa\",\""
            + MARKER
            + "\"]}}";
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger left = new AtomicInteger(max);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int c = 0; c < 8; c++) {
      clients.submit(
          () -> {
            while (!stop.get() && left.getAndDecrement() > 0) {
              try {
                HttpResponse<String> r =
                    send(
                        requestTo(LB, "/api/v1/applications", "anna")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
                if (r.statusCode() == 201) {
                  ids.add(parse(r.body()).asJsonObject().getString("id"));
                } else {
                  failed.incrementAndGet();
                }
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            }
          });
    }
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis() / 3);
      cluster("kill", "2");
      Thread.sleep(duration.toMillis() * 2 / 3);
      stop.set(true);
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    if (!duration.isZero()) {
      cluster("start-node", "2");
    }
    return new ArrayList<>(ids);
  }

  private static void awaitFiled(List<String> ids) {
    await(
        "all filed",
        Duration.ofMinutes(4),
        () -> {
          try {
            return DmsCases.countByApplication().keySet().containsAll(ids);
          } catch (java.io.IOException e) {
            return false;
          }
        });
  }

  /** Application id → {attempts, 1 if delivered} of its filing entry in the outbox. */
  private static Map<String, int[]> outbox(List<String> ids) throws Exception {
    Map<String, int[]> result = new HashMap<>();
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT idempotency_key, attempts, state FROM bb_outbox"
                    + " WHERE idempotency_key LIKE 'dms-file-application:%'")) {
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          String id = r.getString(1).substring("dms-file-application:".length());
          if (ids.contains(id)) {
            result.put(id, new int[] {r.getInt(2), "DELIVERED".equals(r.getString(3)) ? 1 : 0});
          }
        }
      }
    }
    return result;
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:"
            + System.getProperty("db.port", "5432")
            + "/"
            + System.getProperty("db.name", "buergerbuero"),
        System.getProperty("db.user", "buergerbuero"),
        System.getProperty("db.password", "buergerbuero"));
  }

  private static HttpRequest get(String base) {
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).build();
  }

  private static String csrfToken(HttpResponse<String> session) {
    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    return parse(session.body()).asJsonObject().getString("csrfToken");
  }

  private static void cluster(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().put("CLUSTER_WLP", System.getProperty("wlp.dir"));
    pb.environment().put("CLUSTER_TEMPLATE", System.getProperty("liberty.server.name"));
    pb.environment().put("CLUSTER_PORT", Integer.toString(PORT));
    pb.environment()
        .put(
            "CLUSTER_DIR",
            Path.of(System.getProperty("wlp.dir")).resolveSibling("cluster").toString());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bin/cluster " + String.join(" ", args)).isTrue();
    assertThat(p.exitValue()).as("bin/cluster " + String.join(" ", args)).isZero();
  }
}
