package app.mamori.source.discover;

import app.mamori.model.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeTest {

    private static Discovery parse(String output) {
        return Probe.parse("web1", output.getBytes(StandardCharsets.UTF_8), DiscoverOptions.defaults());
    }

    @Test
    void databasesContainersVolumesFoldersAndSqliteFilesBecomeSuggestedSources() {
        Discovery d = parse("\n###tools\npg_dump\nsqlite3\ndocker\n"
                + "\n###postgres\npostgres\nshop\nwiki\nexit=0\n"
                + "\n###mysql\ninformation_schema\nblog\nmysql\nexit=0\n"
                + "\n###containers\napp-db\tpostgres:16\nweb\tnginx:1.27\nexit=0\n"
                + "\n###volumes\nuploads\nexit=0\n"
                + "\n###folders\n/etc\treadable\t2048\n/root\tunreadable\t\n"
                + "\n###sqlite\n/srv/a b/x.db\0/srv/we'ird\n###postgres\nname.sqlite\0");
        assertThat(d.tools()).containsExactly("pg_dump", "sqlite3", "docker");
        assertThat(d.findings()).extracting(Finding::what).containsExactly(
                "PostgreSQL database shop", "PostgreSQL database wiki", "MariaDB/MySQL database blog",
                "PostgreSQL in container app-db", "Docker volume uploads", "folder /etc",
                "SQLite file /srv/a b/x.db", "SQLite file /srv/we'ird\n###postgres\nname.sqlite");
        assertThat(d.findings().get(3).suggested()).isInstanceOfSatisfying(Source.Database.class,
                s -> assertThat(s.container()).contains("app-db"));
        assertThat(d.findings().get(5).detail()).isEqualTo("2.0 MiB");
        assertThat(d.notes()).containsExactly("folder /root: not readable by this SSH user");
    }

    @Test
    void failuresBecomeNotesThatSayWhatToGive() {
        Discovery d = parse("\n###tools\n\n###postgres\npsql: error: connection to server at \"127.0.0.1\", port 5432"
                + " failed: fe_sendauth: no password supplied\nexit=2\n"
                + "\n###mysql\nERROR 1045 (28000): Access denied for user 'root'@'localhost'\nexit=1\n"
                + "\n###containers\nabsent\n\n###volumes\nabsent\n\n###folders\n\n###sqlite\n");
        assertThat(d.findings()).isEmpty();
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("PostgreSQL: needs credentials")
                .contains("--pg-user and --pg-password-stdin"));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("MariaDB/MySQL: needs credentials"));
        assertThat(d.notes()).contains("Docker: not installed on the server");
    }

    @Test
    void sourceNamesArePlainWhateverTheyComeFrom() {
        assertThat(Probe.name("/var/www")).isEqualTo("var-www");
        assertThat(Probe.name("we'ird\nname.sqlite")).isEqualTo("we-ird-name.sqlite");
        assertThat(Probe.name("...")).isEqualTo("source");
        assertThat(Probe.name("x".repeat(100))).hasSize(64);
    }

    @Test
    void passwordsGoOnStdinNeverIntoTheScript() {
        DiscoverOptions o = DiscoverOptions.defaults().withPostgres(new DiscoverOptions.DbLogin(Optional.of("db"),
                Optional.of(5433), Optional.of("o'neil"), Optional.of("s3cret $(rm -rf /)")));
        String script = Probe.script(o);
        assertThat(script).doesNotContain("s3cret").contains("-U 'o'\\''neil'").contains("-p 5433");
        assertThat(new String(Probe.stdin(o), StandardCharsets.UTF_8)).isEqualTo("s3cret $(rm -rf /)\n\n");
        assertThat(o.postgres().toString()).doesNotContain("s3cret");
    }

    @Test
    void sqliteRootsMustBeAbsolute() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscoverOptions.defaults().withSqliteRoots(List.of("srv")))
                .hasMessageStartingWith("--sqlite-root");
    }
}
