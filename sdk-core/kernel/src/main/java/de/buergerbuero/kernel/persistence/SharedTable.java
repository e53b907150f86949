package de.buergerbuero.kernel.persistence;

import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.inject.Inject;
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
  private final AtomicLong nextPurge = new AtomicLong();

  protected SharedTable() {}

  protected SharedTable(DataSource dataSource) {
    this.dataSource = dataSource;
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

  /** Deletes expired rows when the last cleanup of this instance is a minute old. */
  protected void purgeIfDue(Instant now) {
    long due = nextPurge.get();
    if (now.toEpochMilli() < due
        || !nextPurge.compareAndSet(due, now.toEpochMilli() + PURGE_EVERY_MS)) {
      return;
    }
    try (Connection c = connection()) {
      purge(c, now);
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
