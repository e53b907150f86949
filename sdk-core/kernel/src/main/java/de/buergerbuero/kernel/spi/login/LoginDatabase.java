package de.buergerbuero.kernel.spi.login;

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
 * The data source of the login stores (the SDK's, {@code buergerbuero.datasource}), looked up on
 * first use, and the once-a-minute cleanup of expired rows. Statements run in their own local
 * transaction (auto-commit) — a login is no business transaction.
 */
abstract class LoginDatabase {
  private static final long PURGE_EVERY_MS = 60_000;

  @Inject
  @ConfigProperty(
      name = "buergerbuero.datasource",
      defaultValue = "java:comp/env/jdbc/buergerbuero")
  String dataSourceName;

  private volatile DataSource dataSource;
  private final AtomicLong nextPurge = new AtomicLong();

  LoginDatabase() {}

  LoginDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Connection connection() throws SQLException {
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
  void purgeIfDue(Instant now) {
    long due = nextPurge.get();
    if (now.toEpochMilli() < due
        || !nextPurge.compareAndSet(due, now.toEpochMilli() + PURGE_EVERY_MS)) {
      return;
    }
    try (Connection c = connection()) {
      purge(c, now);
    } catch (SQLException e) {
      throw failure("delete expired login records", e);
    }
  }

  abstract void purge(Connection c, Instant now) throws SQLException;

  static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "Could not " + what + " (SQL state " + e.getSQLState() + ")", e);
  }
}
