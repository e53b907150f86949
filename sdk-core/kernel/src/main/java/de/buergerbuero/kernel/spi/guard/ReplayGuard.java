package de.buergerbuero.kernel.spi.guard;

import de.buergerbuero.kernel.crypto.Hashes;
import de.buergerbuero.kernel.persistence.SharedTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Remembers one-time identifiers (a SAML assertion id, a signed webhook's signature) until they
 * expire, in the database (table {@code bb_seen_once}, kernel migration V6), so that a message
 * captured and posted again is refused by every instance of the deployment, not only by the one
 * that saw it first. The primary key decides: of two instances that get the same message at the
 * same time, exactly one insert succeeds. Only a SHA-256 hash of scope and identifier is stored.
 * Call it outside a business transaction (its statements commit on their own).
 */
@ApplicationScoped
public class ReplayGuard extends SharedTable {

  public ReplayGuard() {}

  /** For tests and tools: on this data source instead of the configured one. */
  public ReplayGuard(DataSource dataSource) {
    super(dataSource);
  }

  /**
   * Records the identifier.
   *
   * @param scope what kind of identifier, at most 32 characters (e.g. {@code saml-assertion})
   * @param id the identifier
   * @param expiresAt after this the identifier is forgotten (the message is refused as too old by
   *     then anyway)
   * @return true when the identifier is used for the first time (and not expired); false for a
   *     replay
   */
  public boolean firstUse(String scope, String id, Instant expiresAt, Instant now) {
    if (scope == null || scope.isEmpty() || scope.length() > 32 || id == null) {
      throw new IllegalArgumentException("scope of 1 to 32 characters and an id are required");
    }
    purgeIfDue(now);
    String hash = Hashes.sha256Hex((scope + '\u0000' + id).getBytes(StandardCharsets.UTF_8));
    try {
      // separate units: a duplicate key would abort a PostgreSQL transaction
      if (inUnit(c -> insert(c, scope, hash, expiresAt))) {
        return true;
      }
      boolean expiredGone =
          inUnit(
              c -> {
                try (PreparedStatement delete =
                    c.prepareStatement(
                        "DELETE FROM bb_seen_once WHERE scope = ? AND id_hash = ? AND expires_ms"
                            + " <= ?")) {
                  delete.setString(1, scope);
                  delete.setString(2, hash);
                  delete.setLong(3, now.toEpochMilli());
                  return delete.executeUpdate() == 1;
                }
              });
      return expiredGone && inUnit(c -> insert(c, scope, hash, expiresAt));
    } catch (SQLException e) {
      throw failure("check a one-time identifier", e);
    }
  }

  private static boolean insert(Connection c, String scope, String hash, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO bb_seen_once (scope, id_hash, expires_ms) VALUES (?, ?, ?)")) {
      insert.setString(1, scope);
      insert.setString(2, hash);
      insert.setLong(3, expiresAt.toEpochMilli());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (Duplicates.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  protected void purge(Connection c, Instant now) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM bb_seen_once WHERE expires_ms <= ?")) {
      delete.setLong(1, now.toEpochMilli());
      delete.executeUpdate();
    }
  }
}
