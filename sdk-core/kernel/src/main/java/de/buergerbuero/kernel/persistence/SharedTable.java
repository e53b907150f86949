package de.buergerbuero.kernel.persistence;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A small table that every instance of a deployment shares (logins in flight, federated sessions,
 * replay guards, per-client limits): the SDK's data source ({@code buergerbuero.datasource}),
 * looked up on first use, and the once-a-minute cleanup of expired rows. Statements run in their
 * own local transaction (auto-commit) — none of these records is a business transaction.
 */
public abstract class SharedTable {
  private static final long PURGE_EVERY_MS = 60_000;

  @Inject
  @ConfigProperty(
      name = "buergerbuero.datasource",
      defaultValue = "java:comp/env/jdbc/buergerbuero")
  String dataSourceName;

  private volatile DataSource dataSource;
  private boolean dataSourceGiven;
  private final AtomicLong nextPurge = new AtomicLong();

  protected SharedTable() {}

  protected SharedTable(DataSource dataSource) {
    this.dataSource = dataSource;
    this.dataSourceGiven = true;
  }

  protected Connection connection() throws SQLException {
    DataSource ds = dataSource;
    if (ds == null) {
      try {
        ds = (DataSource) new InitialContext().lookup(dataSourceName);
      } catch (NamingException e) {
        throw new ConfigurationException(
            "Data source not found; check buergerbuero.datasource=" + dataSourceName, e);
      }
      dataSource = ds;
    }
    return ds.getConnection();
  }

  /** Work on one connection. */
  @FunctionalInterface
  protected interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on a connection that goes back to the pool as soon as it is done. Outside a
   * transaction that means a short transaction of its own: in the server's local transaction
   * containment a shareable connection would otherwise stay reserved until the request ends, so a
   * request that then opens its business transaction would hold two connections at once, and under
   * load every pooled connection can end up waiting for a second (seen as
   * ConnectionWaitTimeoutException in AppointmentIT's race). Inside a caller's transaction the work
   * joins it (the container shares the connection). Keep one unit to statements that cannot fail
   * half-way (a duplicate key aborts a PostgreSQL transaction): run the next in a new unit.
   */
  protected <T> T inUnit(SqlWork<T> work) throws SQLException {
    UserTransaction ut = ownTransaction();
    if (ut == null) {
      try (Connection c = connection()) {
        return work.run(c);
      }
    }
    boolean committed = false;
    try {
      ut.begin();
      T result;
      try (Connection c = connection()) {
        result = work.run(c);
      }
      if (Boolean.FALSE.equals(result)) {
        // nothing changed (no row matched, or a duplicate key that PostgreSQL has aborted the
        // transaction for): end it without a commit
        ut.rollback();
      } else {
        ut.commit();
      }
      committed = true;
      return result;
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException("transaction of a shared table failed: " + e, e);
    } finally {
      if (!committed) {
        try {
          if (ut.getStatus() != Status.STATUS_NO_TRANSACTION) {
            ut.rollback();
          }
        } catch (Exception ignored) {
          // the work's own failure is what the caller needs to see
        }
      }
    }
  }

  /** The container's UserTransaction when none is active; null in a transaction or in tests. */
  private UserTransaction ownTransaction() {
    if (dataSourceGiven) {
      return null;
    }
    try {
      UserTransaction ut =
          (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
      return ut.getStatus() == Status.STATUS_NO_TRANSACTION ? ut : null;
    } catch (NamingException | SystemException e) {
      return null;
    }
  }

  /** Deletes expired rows when the last cleanup of this instance is a minute old. */
  protected void purgeIfDue(Instant now) {
    long due = nextPurge.get();
    if (now.toEpochMilli() < due
        || !nextPurge.compareAndSet(due, now.toEpochMilli() + PURGE_EVERY_MS)) {
      return;
    }
    try {
      inUnit(
          c -> {
            purge(c, now);
            return null;
          });
    } catch (SQLException e) {
      throw failure("delete expired records", e);
    }
  }

  /** Deletes the expired rows. */
  protected abstract void purge(Connection c, Instant now) throws SQLException;

  protected static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "Could not " + what + " (SQL state " + e.getSQLState() + ")", e);
  }
}
