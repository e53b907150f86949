package de.buergerbuero.applications.retention;

import de.buergerbuero.applications.catalogue.ServiceCatalogue;
import de.buergerbuero.applications.intake.ApplicationService;
import de.buergerbuero.kernel.audit.AuditLog;
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.model.ServiceOffering;
import de.buergerbuero.kernel.persistence.Transactions;
import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes applications once their retention has passed: the days the service's catalogue entry
 * names ({@code retentionDays}, else {@code buergerbuero.retention.default-days}) after the
 * decision or withdrawal — and only once the DMS has the case ({@code dms_case_id} set), since the
 * DMS keeps the record of the administration. The application goes with its status history, its
 * attachments and its form-server intake row; each deletion writes an audit entry {@value
 * #AUDIT_ACTION} (the audit log itself is kept). Several instances may run it at once: a row
 * another instance deleted first is simply not found.
 */
@ApplicationScoped
public class RetentionJob {
  public static final String AUDIT_ACTION = "APPLICATION_DELETED";
  public static final String ACTOR = "system:retention";
  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
  private static final int BATCH = 200;

  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.retention.default-days", defaultValue = "365")
  int defaultDays;

  @Inject
  @ConfigProperty(name = "buergerbuero.retention.interval-ms", defaultValue = "3600000")
  long intervalMs;

  @Inject
  @ConfigProperty(
      name = "buergerbuero.datasource",
      defaultValue = "java:comp/env/jdbc/buergerbuero")
  String dataSourceName;

  DataSource dataSource;
  private ScheduledFuture<?> task;

  void start(@Observes @Priority(1300) Startup startup) {
    if (defaultDays < 0) {
      throw new ConfigurationException("buergerbuero.retention.default-days must be 0 or more");
    }
    if (intervalMs <= 0) {
      LOG.info("Retention: off (buergerbuero.retention.interval-ms <= 0)");
      return;
    }
    task = Periodic.every(executor, intervalMs, LOG, "Retention", this::purge);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** One round over every service; returns the number of applications deleted. */
  public int purge() {
    Instant now = clock.instant();
    int deleted = 0;
    for (ServiceOffering service : catalogue.catalogue().services()) {
      int days = catalogue.catalogue().policy(service.id()).retentionDays().orElse(defaultDays);
      Instant cutoff = now.minus(Duration.ofDays(days));
      List<String> due;
      do {
        due = due(service.id(), cutoff);
        for (String id : due) {
          if (tx.required(() -> delete(id, service.id(), cutoff, days))) {
            deleted++;
          }
        }
      } while (due.size() == BATCH);
    }
    if (deleted > 0) {
      int count = deleted;
      LOG.info(() -> "Retention: " + count + " applications deleted");
    }
    return deleted;
  }

  private List<String> due(String serviceId, Instant cutoff) {
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT a.id FROM bb_application a WHERE a.service_id = ? AND a.status IN"
                    + " ('APPROVED', 'REJECTED', 'CLOSED', 'WITHDRAWN') AND a.dms_case_id IS NOT NULL"
                    + " AND a.updated_at < ?"
                    // the same conditions as delete(): otherwise applications kept for an unfiled
                    // Bescheid or answer would come back in every batch and the loop never ends
                    + " AND NOT EXISTS (SELECT 1 FROM bb_decision d"
                    + " WHERE d.application_id = a.id AND d.dms_document_id IS NULL)"
                    + " AND NOT EXISTS (SELECT 1 FROM bb_answer w"
                    + " WHERE w.application_id = a.id AND w.filed_at IS NULL)"
                    + " AND NOT EXISTS (SELECT 1 FROM bb_delivery v"
                    + " WHERE v.application_id = a.id AND v.state = 'FAILED')"
                    + " ORDER BY a.updated_at FETCH FIRST "
                    + BATCH
                    + " ROWS ONLY")) {
      ps.setString(1, serviceId);
      ps.setTimestamp(2, Timestamp.from(cutoff));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Retention query failed: " + e.getMessage(), e);
    }
    return ids;
  }

  /** Deletes one application and what belongs to it; in the caller's transaction. */
  private boolean delete(String id, String serviceId, Instant cutoff, int days) {
    String status;
    try (Connection c = dataSource().getConnection()) {
      // the application row first, with the conditions again: a change since the query wins
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT status FROM bb_application WHERE id = ? AND dms_case_id IS NOT NULL"
                  + " AND updated_at < ? AND status IN ('APPROVED', 'REJECTED', 'CLOSED',"
                  + " 'WITHDRAWN') AND NOT EXISTS (SELECT 1 FROM bb_decision d"
                  + " WHERE d.application_id = ? AND d.dms_document_id IS NULL)"
                  + " AND NOT EXISTS (SELECT 1 FROM bb_answer w"
                  + " WHERE w.application_id = ? AND w.filed_at IS NULL)"
                  + " AND NOT EXISTS (SELECT 1 FROM bb_delivery v"
                  + " WHERE v.application_id = ? AND v.state = 'FAILED')")) {
        // a Bescheid or an answer not yet in the DMS keeps its application: the portal has the
        // only copy; so does a Bescheid in the print queue, until a clerk has posted it
        ps.setString(1, id);
        ps.setTimestamp(2, Timestamp.from(cutoff));
        ps.setString(3, id);
        ps.setString(4, id);
        ps.setString(5, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
          status = rs.getString(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM bb_application WHERE id = ? AND updated_at < ?")) {
        ps.setString(1, id);
        ps.setTimestamp(2, Timestamp.from(cutoff));
        if (ps.executeUpdate() != 1) {
          return false;
        }
      }
      for (String sql :
          List.of(
              "DELETE FROM bb_attachment WHERE application_id = ?",
              "DELETE FROM bb_decision WHERE application_id = ?",
              "DELETE FROM bb_answer WHERE application_id = ?",
              "DELETE FROM bb_delivery WHERE application_id = ?",
              "DELETE FROM bb_case_note WHERE application_id = ?",
              "DELETE FROM bb_application_status WHERE application_id = ?",
              "DELETE FROM bb_form_intake WHERE application_id = ?")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, id);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Retention: deleting " + id + " failed: " + e.getMessage(), e);
    }
    audit.append(
        ACTOR,
        AUDIT_ACTION,
        ApplicationService.AUDIT_OBJECT,
        id,
        serviceId + ": " + days + " Tage nach " + status + " abgelaufen");
    return true;
  }

  private DataSource dataSource() {
    if (dataSource == null) {
      try {
        dataSource = (DataSource) new InitialContext().lookup(dataSourceName);
      } catch (NamingException e) {
        throw new ConfigurationException(
            "Data source not found; check buergerbuero.datasource=" + dataSourceName, e);
      }
    }
    return dataSource;
  }
}
