package de.buergerbuero.kernel.spi.login;

import de.buergerbuero.kernel.persistence.SharedTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link LoginsInFlight} in the SDK's database (table {@code bb_login_in_flight}, kernel migration
 * V5), shared by every instance. Taking an entry is one {@code DELETE}: of two instances that get
 * the same token, only the one whose delete removed the row may use it. Expired rows are deleted by
 * every instance at most once a minute, when it stores a new login.
 */
@ApplicationScoped
public class DatabaseLoginsInFlight extends SharedTable implements LoginsInFlight {

  public DatabaseLoginsInFlight() {}

  /** For tests and tools: on this data source instead of the configured one. */
  public DatabaseLoginsInFlight(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  public void put(String token, String browser, String payload, Instant now, Duration lifetime) {
    if (payload.length() > 2000) {
      throw new IllegalArgumentException("payload over 2000 characters");
    }
    purgeIfDue(now);
    try {
      inUnit(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO bb_login_in_flight (token_hash, browser_hash, payload,"
                        + " expires_ms) VALUES (?, ?, ?, ?)")) {
              insert.setString(1, LoginHashes.sha256(token));
              insert.setString(2, LoginHashes.sha256(browser));
              insert.setString(3, payload);
              insert.setLong(4, now.plus(lifetime).toEpochMilli());
              return insert.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failure("store a login in flight", e);
    }
  }

  @Override
  public Optional<String> take(String token, String browser, Instant now) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    String hash = LoginHashes.sha256(token);
    try {
      return inUnit(
          c -> {
            String browserHash;
            String payload;
            long expires;
            try (PreparedStatement select =
                c.prepareStatement(
                    "SELECT browser_hash, payload, expires_ms FROM bb_login_in_flight"
                        + " WHERE token_hash = ?")) {
              select.setString(1, hash);
              try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                  return Optional.empty();
                }
                browserHash = rs.getString(1);
                payload = rs.getString(2);
                expires = rs.getLong(3);
              }
            }
            try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM bb_login_in_flight WHERE token_hash = ?")) {
              delete.setString(1, hash);
              if (delete.executeUpdate() != 1) {
                return Optional.empty(); // another instance took it first
              }
            }
            if (expires <= now.toEpochMilli()
                || (browserHash != null
                    && !LoginHashes.same(browserHash, LoginHashes.sha256(browser)))) {
              return Optional.empty();
            }
            return Optional.of(payload);
          });
    } catch (SQLException e) {
      throw failure("take a login in flight", e);
    }
  }

  @Override
  protected void purge(Connection c, Instant now) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM bb_login_in_flight WHERE expires_ms <= ?")) {
      delete.setLong(1, now.toEpochMilli());
      delete.executeUpdate();
    }
  }
}
