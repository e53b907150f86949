package de.buergerbuero.kernel.spi.login;

import de.buergerbuero.kernel.persistence.SharedTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/**
 * The portal sessions a federated login started, by the identity provider's subject and session
 * index, in the SDK's database (table {@code bb_login_session}, kernel migration V5): the identity
 * provider's logout request reaches one instance, front-channel and without the session cookie, and
 * must end the subject's sessions on every instance. {@link #end} marks them ended; each instance
 * asks {@link #ended} before it serves a request of such a session. Subject and session index are
 * kept as SHA-256 hashes; a record lives {@code lifetime} (a session older than that counts as
 * ended, so the login is asked for again).
 */
@ApplicationScoped
public class FederatedSessions extends SharedTable {
  private static final SecureRandom RANDOM = new SecureRandom();

  public FederatedSessions() {}

  /** For tests and tools: on this data source instead of the configured one. */
  public FederatedSessions(DataSource dataSource) {
    super(dataSource);
  }

  /**
   * Records a session started by a login of {@code source} (e.g. {@code saml}) for the IdP's {@code
   * subject} and {@code sessionIndex} (may be null); returns its record id, to be kept in the HTTP
   * session.
   */
  public String register(
      String source, String subject, String sessionIndex, Instant now, Duration lifetime) {
    purgeIfDue(now);
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      inUnit(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO bb_login_session (id, source, subject_hash, session_index_hash,"
                        + " ended, expires_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
              insert.setString(1, id);
              insert.setString(2, source);
              insert.setString(3, LoginHashes.sha256(subject));
              insert.setString(4, LoginHashes.sha256(sessionIndex));
              insert.setBoolean(5, false);
              insert.setLong(6, now.plus(lifetime).toEpochMilli());
              return insert.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failure("record a login session", e);
    }
    return id;
  }

  /**
   * Marks the sessions of {@code subject} ended: those of the given IdP session indexes, or all of
   * the subject's when the list is empty. Returns how many were marked.
   */
  public int end(String source, String subject, List<String> sessionIndexes) {
    StringBuilder sql =
        new StringBuilder(
            "UPDATE bb_login_session SET ended = ? WHERE source = ? AND subject_hash = ?");
    if (!sessionIndexes.isEmpty()) {
      sql.append(" AND session_index_hash IN (")
          .append(String.join(", ", java.util.Collections.nCopies(sessionIndexes.size(), "?")))
          .append(')');
    }
    try {
      return inUnit(
          c -> {
            try (PreparedStatement update = c.prepareStatement(sql.toString())) {
              update.setBoolean(1, true);
              update.setString(2, source);
              update.setString(3, LoginHashes.sha256(subject));
              for (int i = 0; i < sessionIndexes.size(); i++) {
                update.setString(4 + i, LoginHashes.sha256(sessionIndexes.get(i)));
              }
              return update.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failure("end login sessions", e);
    }
  }

  /** Whether the session of this record id has ended: marked ended, expired or unknown. */
  public boolean ended(String id, Instant now) {
    try {
      return inUnit(
          c -> {
            try (PreparedStatement select =
                c.prepareStatement("SELECT ended, expires_ms FROM bb_login_session WHERE id = ?")) {
              select.setString(1, id);
              try (ResultSet rs = select.executeQuery()) {
                return !rs.next() || rs.getBoolean(1) || rs.getLong(2) <= now.toEpochMilli();
              }
            }
          });
    } catch (SQLException e) {
      throw failure("read a login session", e);
    }
  }

  /** Removes the record of a session that ended here (logout, timeout). */
  public void forget(String id) {
    try {
      inUnit(
          c -> {
            try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM bb_login_session WHERE id = ?")) {
              delete.setString(1, id);
              return delete.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failure("remove a login session", e);
    }
  }

  @Override
  protected void purge(Connection c, Instant now) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM bb_login_session WHERE expires_ms <= ?")) {
      delete.setLong(1, now.toEpochMilli());
      delete.executeUpdate();
    }
  }
}
