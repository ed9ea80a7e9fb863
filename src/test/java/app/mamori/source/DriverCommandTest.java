package app.mamori.source;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dump commands drivers build, without running them. */
class DriverCommandTest {
    private static final String SECRET = "s3cr3t 'pw'";

    private static Source.Database pg(String db, Optional<String> container) {
        return new Source.Database("src", "srv", SourceKind.POSTGRES, db, Optional.of("127.0.0.1"), Optional.of(5433),
                Optional.of("app"), container, true);
    }

    @Test
    void postgresConninfoQuotesEveryValueSoANameCannotAddKeywords() {
        String info = PostgresDriver.conninfo(pg("shop' host='evil \\", Optional.empty()));

        assertThat(info).isEqualTo("host='127.0.0.1' port='5433' user='app' dbname='shop\\' host=\\'evil \\\\'");
    }

    @Test
    void postgresDumpReadsThePasswordFromStdinAndNeverPutsItInTheCommand() {
        DumpCommand cmd = new PostgresDriver().dump(pg("shop", Optional.empty()), null, Optional.of(SECRET));

        assertThat(cmd.command()).startsWith("IFS= read -r PGPASSWORD && export PGPASSWORD && exec sh -c")
                .contains("pg_dump --format=custom --no-password --snapshot=").doesNotContain(SECRET);
        assertThat(cmd.stdinSecret()).isEqualTo(SECRET);
        assertThat(cmd.toString()).doesNotContain(SECRET);
        assertThat(cmd.compress()).as("custom format is compressed already").isFalse();
    }

    @Test
    void containerDumpsPassThePasswordByNameToDockerExec() {
        DumpCommand cmd = new PostgresDriver().dump(pg("shop", Optional.of("blog-db")), null, Optional.of(SECRET));

        assertThat(cmd.command()).contains("docker exec -e PGPASSWORD blog-db pg_dump")
                .contains("docker exec -i -e PGPASSWORD blog-db psql").doesNotContain(SECRET);
    }

    @Test
    void aContainerNameThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> new PostgresDriver().dump(pg("shop", Optional.of("x; rm -rf /")), null, Optional.empty()))
                .hasMessageContaining("--container");
    }

    @Test
    void mysqlDumpIsConsistentAndEndsOptionsBeforeTheDatabaseName() {
        Source.Database src = new Source.Database("wp", "srv", SourceKind.MYSQL, "--all-databases", Optional.empty(),
                Optional.empty(), Optional.of("wp"), Optional.empty(), false);

        DumpCommand cmd = new MysqlDriver().dump(src, new ToolCheck("/usr/bin/mariadb-dump", "v", List.of()), Optional.empty());

        assertThat(cmd.command()).isEqualTo("/usr/bin/mariadb-dump --single-transaction --routines --triggers --events"
                + " --hex-blob --user=wp -- --all-databases");
        assertThat(cmd.compress()).isTrue();
    }

    @Test
    void sqliteCopyChecksTheFileExistsAndQuotesItsPath() {
        DumpCommand cmd = new SqliteDriver().dump(new Source.Sqlite("t", "srv", "/srv/it's here/$(x).db"), null, Optional.empty());

        assertThat(cmd.command()).contains("test -f '/srv/it'\\''s here/$(x).db' ||")
                .contains("sqlite3 -bail '/srv/it'\\''s here/$(x).db' \".backup '$d/copy.db'\"");
    }

    @Test
    void dockerVolumeTarAcceptsTarsFileChangedStatus() {
        DumpCommand cmd = new DockerVolumeDriver().dump(new Source.DockerVolume("v", "srv", "uploads"), null, Optional.empty());

        assertThat(cmd.okExitCodes()).containsExactlyInAnyOrder(0, 1);
        assertThat(cmd.command()).contains("docker volume inspect --format '{{.Mountpoint}}' -- uploads");
    }

    @Test
    void pgDumpMajorVersionIsReadFromItsVersionLine() throws Exception {
        assertThat(PostgresDriver.major("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)")).isEqualTo(15);
        assertThat(PostgresDriver.major("pg_dump (PostgreSQL) 9.6.24")).isEqualTo(9);
        assertThatThrownBy(() -> PostgresDriver.major("bash: pg_dump: command not found"))
                .hasMessageContaining("cannot read pg_dump's version");
    }
}
