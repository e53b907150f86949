package de.buergerbuero.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  private static DataSource derby() {
    String url = "jdbc:derby:memory:" + UUID.randomUUID() + ";create=true";
    return new DriverManagerDataSource(() -> DriverManager.getConnection(url));
  }

  private static final MigrationSet KERNEL =
      new MigrationSet("kernel", "de/buergerbuero/kernel/db", List.of("V1__outbox_and_audit.sql"));

  @Test
  @DisplayName("the kernel schema applies on Derby once, and a second run applies nothing")
  void appliesOnce() throws Exception {
    DataSource ds = derby();
    var migrator = new SchemaMigrator(ds, getClass().getClassLoader());
    assertThat(migrator.migrate(List.of(KERNEL))).isEqualTo(1);
    assertThat(migrator.migrate(List.of(KERNEL))).isZero();
    try (var c = ds.getConnection();
        var rs = c.createStatement().executeQuery("SELECT last_seq FROM bb_audit_head")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  @DisplayName("a script changed after it was applied stops the start")
  void changedScript() {
    DataSource ds = derby();
    new SchemaMigrator(ds, getClass().getClassLoader()).migrate(List.of(KERNEL));
    ClassLoader tampered =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          public java.io.InputStream getResourceAsStream(String name) {
            return new java.io.ByteArrayInputStream("CREATE TABLE x (id INT);".getBytes());
          }
        };
    assertThatThrownBy(() -> new SchemaMigrator(ds, tampered).migrate(List.of(KERNEL)))
        .hasMessageContaining("changed after it was applied");
  }

  @Test
  @DisplayName("statements split at line-ending semicolons, comments dropped, placeholders filled")
  void parsing() {
    String sql =
        SchemaMigrator.substitute(
            "-- c\nCREATE TABLE t (a ${clob});\nINSERT INTO t\n VALUES ('x;y');\n",
            Dialect.POSTGRESQL.placeholders());
    assertThat(SchemaMigrator.statements(sql))
        .containsExactly("CREATE TABLE t (a TEXT)", "INSERT INTO t\nVALUES ('x;y')");
    assertThatThrownBy(() -> SchemaMigrator.substitute("${nope}", Dialect.DERBY.placeholders()))
        .hasMessageContaining("placeholder");
  }

  @Test
  @DisplayName("migration names must be versioned and in order")
  void naming() {
    assertThatThrownBy(() -> new MigrationSet("m", "f", List.of("V2__b.sql", "V1__a.sql")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MigrationSet("m", "f", List.of("init.sql")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
