package de.buergerbuero.applications.internal;

import de.buergerbuero.applications.intake.Upload;
import de.buergerbuero.kernel.error.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bytes of attachments, streamed between spool file, database and reader (DMS filing, staff
 * download) with JDBC: {@code setBinaryStream} with the known length on the way in, {@code
 * getBinaryStream} on the way out. Connections come from the application's data source; inside a
 * JTA transaction the container enlists (shares) them with JPA's.
 */
@ApplicationScoped
public class AttachmentContents {
  @Inject
  @ConfigProperty(
      name = "buergerbuero.datasource",
      defaultValue = "java:comp/env/jdbc/buergerbuero")
  String dataSourceName;

  private volatile DataSource dataSource;

  AttachmentContents() {}

  /** For tests and tools: a given data source. */
  public AttachmentContents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the attachment row with its content; joins the caller's transaction. */
  public void insert(AttachmentEntity meta, Upload upload) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO bb_attachment (id, application_id, position_no, file_name, media_type,"
                    + " size_bytes, sha256, content, answer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        InputStream in = upload.open()) {
      ps.setString(1, meta.id());
      ps.setString(2, meta.applicationId());
      ps.setInt(3, meta.position());
      ps.setString(4, meta.fileName());
      ps.setString(5, meta.mediaType());
      ps.setLong(6, meta.size());
      ps.setString(7, meta.sha256());
      ps.setBinaryStream(8, in, meta.size());
      ps.setString(9, meta.answerId());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Anlage nicht gespeichert: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The content of one attachment as a stream that holds its connection until closed. Open it
   * outside a transaction (DMS filing, download): the reader decides how long it takes.
   */
  public InputStream open(String attachmentId) {
    Connection c = null;
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      c = dataSource().getConnection();
      ps = c.prepareStatement("SELECT content FROM bb_attachment WHERE id = ?");
      ps.setString(1, attachmentId);
      rs = ps.executeQuery();
      if (!rs.next()) {
        throw new IllegalStateException("Anlage fehlt: " + attachmentId);
      }
      return new Resources(rs.getBinaryStream(1), rs, ps, c);
    } catch (SQLException e) {
      closeQuietly(rs, ps, c);
      throw new IllegalStateException("Anlage nicht lesbar: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(rs, ps, c);
      throw e;
    }
  }

  private DataSource dataSource() {
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
    return ds;
  }

  private static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable r : resources) {
      if (r != null) {
        try {
          r.close();
        } catch (Exception ignored) {
          // already failing
        }
      }
    }
  }

  /** The content stream; closing it closes result set, statement and connection. */
  private static final class Resources extends FilterInputStream {
    private final AutoCloseable[] owned;

    Resources(InputStream in, AutoCloseable... owned) {
      super(in);
      this.owned = owned;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        closeQuietly(owned);
      }
    }
  }
}
