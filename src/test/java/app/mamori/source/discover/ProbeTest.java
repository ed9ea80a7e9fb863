package app.mamori.source.discover;

import app.mamori.model.Source;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeTest {

    private static Discovery parse(String output) {
        return Probe.parse("web1", output.getBytes(StandardCharsets.UTF_8), DiscoverOptions.defaults());
    }

    /** A step's output as the script frames it: its length in bytes, then the bytes. */
    static String done(String step, String output) {
        return "###done " + step + " " + output.getBytes(StandardCharsets.UTF_8).length + "\n" + output;
    }

    @Test
    void databasesContainersVolumesFoldersAndSqliteFilesBecomeSuggestedSourcesInStepOrder() {
        // steps end in any order; the findings come in step order
        Discovery d = parse("###start tools\n###start sqlite\n"
                + done("sqlite", "/srv/a b/x.db\0/srv/we'ird\n###done postgres 3\nname.sqlite\0")
                + done("folders", "readable\t2048\t/etc\nunreadable\t\t/root\nreadable\t\t/home\n")
                + done("tools", "pg_dump\nsqlite3\ndocker\n")
                + done("volumes", "uploads\nexit=0\n")
                + done("postgres", "postgres\nshop\nwiki\nexit=0\n")
                + done("mysql", "information_schema\nblog\nmysql\nexit=0\n")
                + done("containers", "app-db\tpostgres:16\nweb\tnginx:1.27\nexit=0\n"));
        assertThat(d.tools()).containsExactly("pg_dump", "sqlite3", "docker");
        assertThat(d.findings()).extracting(Finding::what).containsExactly(
                "PostgreSQL database shop", "PostgreSQL database wiki", "MariaDB/MySQL database blog",
                "PostgreSQL in container app-db", "Docker volume uploads", "folder /etc", "folder /home",
                "SQLite file /srv/a b/x.db", "SQLite file /srv/we'ird\n###done postgres 3\nname.sqlite");
        assertThat(d.findings().get(3).suggested()).isInstanceOfSatisfying(Source.Database.class,
                s -> assertThat(s.container()).contains("app-db"));
        assertThat(d.findings().get(5).detail()).isEqualTo("2.0 MiB");
        assertThat(d.findings().get(6).detail()).isEqualTo("size not counted (over 3 s)");
        assertThat(d.notes()).containsExactly("folder /root: not readable by this SSH user");
    }

    @Test
    void failuresBecomeNotesThatSayWhatToGive() {
        Discovery d = parse(done("tools", "") + done("postgres", "psql: error: connection to server at"
                + " \"127.0.0.1\", port 5432 failed: fe_sendauth: no password supplied\nexit=2\n")
                + done("mysql", "ERROR 1045 (28000): Access denied for user 'root'@'localhost'\nexit=1\n")
                + done("containers", "absent\n") + done("volumes", "absent\n") + done("folders", "")
                + done("sqlite", ""));
        assertThat(d.findings()).isEmpty();
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("PostgreSQL: needs credentials")
                .contains("--pg-user and --pg-password-stdin"));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("MariaDB/MySQL: needs credentials"));
        assertThat(d.notes()).contains("Docker: not installed on the server");
    }

    @Test
    void aStepCutShortByItsTimeLimitSaysSo() {
        Discovery d = parse(done("tools", "") + done("postgres", "exit=124\n") + done("mysql", "absent\n")
                + done("containers", "exit=124\n") + done("volumes", "exit=124\n") + done("folders", "")
                + done("sqlite", "/srv/x.db\0late\0"));
        assertThat(d.notes()).contains("PostgreSQL: no answer within 8 s", "Docker: no answer within 8 s");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("SQLite files: the search stopped after 4 s")
                .contains("--sqlite-root").contains("--no-default-places"));
        assertThat(d.findings()).extracting(Finding::what).containsExactly("SQLite file /srv/x.db");
    }

    @Test
    void aStepThatNeverEndedIsANoteNotASilentGap() {
        Discovery d = parse(done("tools", "tar\n") + "###start sqlite\n###done sqlite 40\n/srv/half");
        assertThat(d.tools()).containsExactly("tar");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("SQLite files: not looked at"));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("PostgreSQL databases: not looked at"));
    }

    /** The wizard shows each step's line in the app's language: every line a step can give has a sentence in both. */
    @Test
    void eachStepsLineHasASentenceInBothLanguagesAndJapaneseSaysItInJapanese() {
        DiscoverOptions o = DiscoverOptions.defaults();
        List<StepReport> reports = List.of(
                Probe.step("s", DiscoveryStep.POSTGRES, bytes("postgres\nshop\nexit=0\n"), o),
                Probe.step("s", DiscoveryStep.POSTGRES, bytes("postgres\na\nb\nc\nd\nexit=0\n"), o),
                Probe.step("s", DiscoveryStep.MYSQL, bytes("mysql\nexit=0\n"), o),
                Probe.step("s", DiscoveryStep.MYSQL, bytes("absent\n"), o),
                Probe.step("s", DiscoveryStep.CONTAINERS, bytes("web\tnginx\nexit=0\n"), o),
                Probe.step("s", DiscoveryStep.CONTAINERS, bytes("db\tpostgres:16\nexit=0\n"), o),
                Probe.step("s", DiscoveryStep.CONTAINERS, bytes("exit=0\n"), o),
                Probe.step("s", DiscoveryStep.VOLUMES, bytes("v1\nv2\nexit=0\n"), o),
                Probe.step("s", DiscoveryStep.VOLUMES, bytes("absent\n"), o),
                Probe.step("s", DiscoveryStep.FOLDERS, bytes("dir\t12\t/srv/www\n"), o),
                Probe.step("s", DiscoveryStep.SQLITE, bytes("/a/b.db\0"), o),
                Probe.step("s", DiscoveryStep.SQLITE, bytes("/a/b.db\0late\0"), o),
                Probe.step("s", DiscoveryStep.TOOLS, bytes("pg_dump\nrsync\n"), o),
                Probe.step("s", DiscoveryStep.TOOLS, bytes(""), o));
        I18n en = new I18n(Locale.ENGLISH);
        I18n ja = new I18n(Locale.JAPANESE);
        for (StepReport r : reports) {
            String key = "discover." + r.summary().key();
            assertThat(en.has(key) && ja.has(key)).as("a sentence for %s (%s)", key, r.summary().english()).isTrue();
            String said = NoteWords.say(ja, "discover.", r.summary());
            if (!r.summary().key().equals("summary.tools")) {
                assertThat(said).as(key).isNotEqualTo(r.summary().english())
                        .doesNotContainPattern("\\b(databases?|files?|folders?|volumes?|containers?|running|none)\\b");
            }
        }
    }

    @Test
    void eachStepSaysWhatItFoundInOneLine() {
        DiscoverOptions o = DiscoverOptions.defaults();
        assertThat(Probe.step("s", DiscoveryStep.POSTGRES, bytes("postgres\na\nb\nc\nd\nexit=0\n"), o).summary().english())
                .isEqualTo("4 databases: a, b, c and 1 more");
        assertThat(Probe.step("s", DiscoveryStep.MYSQL, bytes("mysql\nexit=0\n"), o).summary().english()).isEqualTo("no databases");
        assertThat(Probe.step("s", DiscoveryStep.CONTAINERS, bytes("web\tnginx\nexit=0\n"), o).summary().english())
                .isEqualTo("no database containers (1 running)");
        assertThat(Probe.step("s", DiscoveryStep.SQLITE, bytes("/a/b.db\0"), o).summary().english()).isEqualTo("1 file: /a/b.db");
    }

    @Test
    void linesBeforeTheFirstFrameAreSkipped() {
        Discovery d = parse("Welcome to web1!\n###not-a-step 3\n" + done("tools", "rsync\n"));
        assertThat(d.tools()).containsExactly("rsync");
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
                Optional.of(5433), Optional.of("o'neil"), Optional.of("s3cret $(rm -rf /)")))
                .withMysql(new DiscoverOptions.DbLogin(Optional.of("127.0.0.1"), Optional.of(3307),
                        Optional.of("blog"), Optional.of("my pw")));
        String script = Probe.script(o);
        assertThat(script).doesNotContain("s3cret").doesNotContain("my pw").contains("-U 'o'\\''neil'")
                .contains("-p 5433").contains("--host=127.0.0.1 --port=3307 --user=blog ");
        assertThat(new String(Probe.stdin(o), StandardCharsets.UTF_8)).isEqualTo("s3cret $(rm -rf /)\nmy pw\n");
        assertThat(o.postgres().toString()).doesNotContain("s3cret");
    }

    @Test
    void extraPlacesAddToTheUsualOnesUnlessTheUsualOnesAreDropped() {
        DiscoverOptions o = DiscoverOptions.defaults().plusSqliteRoots(List.of("/data", "/srv"))
                .plusFolders(List.of("/data/uploads"));
        assertThat(o.sqliteRoots()).containsExactly("/var/lib", "/srv", "/opt", "/var/www", "/home", "/data");
        assertThat(o.folders()).endsWith("/data/uploads").contains("/etc");
        DiscoverOptions only = DiscoverOptions.defaults().withoutDefaultPlaces().plusFolders(List.of("/data"));
        assertThat(only.sqliteRoots()).isEmpty();
        assertThat(only.folders()).containsExactly("/data");
    }

    @Test
    void placesMustBeAbsolutePathsWithoutLineBreaks() {
        assertThatThrownBy(() -> DiscoverOptions.defaults().plusSqliteRoots(List.of("srv")))
                .hasMessageStartingWith("--sqlite-root");
        assertThatThrownBy(() -> DiscoverOptions.defaults().plusFolders(List.of("/a\nb")))
                .hasMessageStartingWith("--folder").hasMessageContaining("line break");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
