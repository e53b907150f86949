package de.buergerbuero.applications.retention;

import static org.assertj.core.api.Assertions.assertThat;

import de.buergerbuero.applications.catalogue.Catalogue;
import de.buergerbuero.applications.catalogue.CatalogueLoader;
import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.internal.ApplicationsSchema;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.persistence.SchemaMigrator;
import de.buergerbuero.kernel.persistence.Transactions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionJobTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private final List<String> audited = new ArrayList<>();
  private DataSource db;
  private RetentionJob job;

  @BeforeEach
  void setUp() {
    String url = "jdbc:derby:memory:retention" + System.nanoTime() + ";create=true";
    db = new Db(url);
    new SchemaMigrator(db, getClass().getClassLoader())
        .migrate(List.of(ApplicationsSchema.migrations()));
    Catalogue catalogue =
        CatalogueLoader.load(getClass().getClassLoader(), "testcatalogue/services.json");
    job = new RetentionJob();
    job.catalogue =
        new ServiceCatalogue() {
          @Override
          public Catalogue catalogue() {
            return catalogue;
          }
        };
    job.audit =
        new AuditLog() {
          @Override
          public void append(
              String actor, String action, String objectType, String objectId, String detail) {
            audited.add(actor + " " + action + " " + objectType + ":" + objectId);
          }
        };
    job.tx =
        new Transactions() {
          @Override
          public <T> T required(Supplier<T> work) {
            return work.get();
          }
        };
    job.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    job.defaultDays = 30;
    job.dataSource = db;
  }

  @Test
  @DisplayName(
      "a filed application is deleted with its attachments and history once its service's retention"
          + " after the decision has passed, and the deletion is audited")
  void deletesAfterRetention() throws SQLException {
    insert("a-expired", "sperrmuell", "REJECTED", "fs-1", 31);
    insert("b-young", "sperrmuell", "REJECTED", "fs-2", 29);
    insert("c-open", "sperrmuell", "IN_PROGRESS", "fs-3", 100);
    insert("d-unfiled", "sperrmuell", "APPROVED", null, 100);
    insert("e-own-rule", "parken", "WITHDRAWN", "fs-5", 8);
    insert("f-bescheid-unfiled", "sperrmuell", "REJECTED", "fs-6", 100);
    insert("g-print-queue", "sperrmuell", "APPROVED", "fs-7", 100);
    decision("a-expired", "fs-1/02-Bescheid.pdf");
    decision("f-bescheid-unfiled", null);
    decision("g-print-queue", "fs-7/02-Bescheid.pdf");
    delivery("a-expired", "POSTED_BY_HAND");
    delivery("g-print-queue", "FAILED");

    assertThat(job.purge()).isEqualTo(2);

    assertThat(ids("bb_application", "id"))
        .as(
            "a Bescheid the DMS does not have yet, or one in the print queue, keeps its application")
        .containsExactlyInAnyOrder(
            "b-young", "c-open", "d-unfiled", "f-bescheid-unfiled", "g-print-queue");
    assertThat(ids("bb_delivery", "application_id")).containsExactly("g-print-queue");
    assertThat(ids("bb_decision", "application_id"))
        .containsExactlyInAnyOrder("f-bescheid-unfiled", "g-print-queue");
    assertThat(ids("bb_attachment", "application_id"))
        .containsExactlyInAnyOrder(
            "b-young", "c-open", "d-unfiled", "f-bescheid-unfiled", "g-print-queue");
    assertThat(ids("bb_application_status", "application_id"))
        .containsExactlyInAnyOrder(
            "b-young", "c-open", "d-unfiled", "f-bescheid-unfiled", "g-print-queue");
    assertThat(audited)
        .containsExactlyInAnyOrder(
            "system:retention APPLICATION_DELETED application:a-expired",
            "system:retention APPLICATION_DELETED application:e-own-rule");
    assertThat(job.purge()).as("nothing left to delete").isZero();
  }

  private void delivery(String applicationId, String state) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO bb_delivery (id, application_id, channel, state, created_at,"
                    + " updated_at) VALUES (?, ?, 'hybridmail', ?, ?, ?)")) {
      ps.setString(1, applicationId + "-v");
      ps.setString(2, applicationId);
      ps.setString(3, state);
      ps.setTimestamp(4, Timestamp.from(NOW));
      ps.setTimestamp(5, Timestamp.from(NOW));
      ps.executeUpdate();
    }
  }

  private void decision(String applicationId, String dmsDocumentId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO bb_decision (id, application_id, outcome, file_name, size_bytes,"
                    + " sha256, content, issued_at, issued_by, dms_document_id)"
                    + " VALUES (?, ?, 'REJECTED', 'Bescheid.pdf', 1, 'x', ?, ?, 'staff:x', ?)")) {
      ps.setString(1, applicationId + "-d");
      ps.setString(2, applicationId);
      ps.setBytes(3, new byte[] {1});
      ps.setTimestamp(4, Timestamp.from(NOW));
      ps.setString(5, dmsDocumentId);
      ps.executeUpdate();
    }
  }

  private void insert(String id, String service, String status, String dmsCaseId, int daysAgo)
      throws SQLException {
    Timestamp updated = Timestamp.from(NOW.minus(Duration.ofDays(daysAgo)));
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO bb_application (id, reference, service_id, department,"
                  + " applicant_subject, applicant_kind, applicant_name, trust_level, status,"
                  + " form_data, submitted_at, updated_at, dms_case_id, version)"
                  + " VALUES (?, ?, ?, 'ordnungsamt', 's', 'CITIZEN', 'n', 'LOW', ?, '{}', ?, ?, ?,"
                  + " 1)")) {
        ps.setString(1, id);
        ps.setString(2, "MS-" + id);
        ps.setString(3, service);
        ps.setString(4, status);
        ps.setTimestamp(5, updated);
        ps.setTimestamp(6, updated);
        ps.setString(7, dmsCaseId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO bb_attachment (id, application_id, position_no, file_name, media_type,"
                  + " size_bytes, sha256, content) VALUES (?, ?, 1, 'a.pdf', 'application/pdf', 1,"
                  + " 'x', ?)")) {
        ps.setString(1, id + "-att");
        ps.setString(2, id);
        ps.setBytes(3, new byte[] {1});
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO bb_application_status (id, application_id, to_status, actor,"
                  + " changed_at) VALUES (?, ?, ?, 'STAFF', ?)")) {
        ps.setString(1, id + "-st");
        ps.setString(2, id);
        ps.setString(3, status);
        ps.setTimestamp(4, updated);
        ps.executeUpdate();
      }
    }
  }

  private List<String> ids(String table, String column) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT " + column + " FROM " + table)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** Every call opens a new connection to the in-memory database. */
  private record Db(String url) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
