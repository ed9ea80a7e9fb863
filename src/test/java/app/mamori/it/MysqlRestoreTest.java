package app.mamori.it;

import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Restores real MariaDB backups over a real sshd through the CLI. */
@ExtendWith({SshdExtension.class, MariadbExtension.class})
class MysqlRestoreTest {
    private static final String CONTENTS = "SELECT GROUP_CONCAT(CONCAT(id, ':', title, ':', HEX(body)) ORDER BY id"
            + " SEPARATOR ',') FROM posts";

    private Cli cli;
    private MariadbServer db;
    private String name;

    @BeforeEach
    void setUp(SshdServer sshd, MariadbServer db, @TempDir Path tmp) {
        this.db = db;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("web1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        name = "wp_" + System.nanoTime();
        db.createDatabase(name);
        db.execSql(name, "CREATE TABLE posts(id INT PRIMARY KEY, title TEXT, body BLOB);"
                + " INSERT INTO posts VALUES (1, 'hello', X'00FF10'), (2, 'w\u00f6rld ''q''', NULL), (3, 'a\\\\b', X'');"
                + " CREATE PROCEDURE count_posts() SELECT COUNT(*) FROM posts;");
        cli.runWithStdin(db.mamoriPassword() + "\n", "source", "add", "wpdb", "--server", "web1", "--kind", "mysql",
                "--database", name, "--db-host", db.host(), "--db-port", Integer.toString(db.port()),
                "--db-user", db.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "wp", "--sources", "wpdb", "--vault", "local").requireOk();
    }

    @Test
    void restoreToANewDatabaseHoldsTheSameRowsAndRoutinesWithoutThePasswordInAnyCommandLine() throws Exception {
        String original = db.query(name, CONTENTS);
        cli.run("backup", "wp").requireOk();
        String copy = name + "_copy";

        Cli.Result result;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("restore", "--source", "wpdb", "--to-database", copy, "--yes", "--json");
            seen = List.copyOf(watch.commandLines());
        }

        result.requireOk();
        assertThat(db.query(copy, CONTENTS)).isEqualTo(original);
        assertThat(db.query(copy, "SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = DATABASE()"))
                .isEqualTo("1");
        assertThat(seen).as("the process watch saw the client run").anyMatch(c -> c.contains("--database=" + copy));
        assertThat(seen).noneMatch(c -> c.contains(db.mamoriPassword()));
        assertThat(result.out() + result.err()).doesNotContain(db.mamoriPassword());
    }

    @Test
    void inPlaceRestoreBringsBackTheRowsAndTheSafetyPointHoldsTheDamagedState() {
        String original = db.query(name, CONTENTS);
        cli.run("backup", "wp").requireOk();
        db.execSql(name, "DELETE FROM posts WHERE id = 2; UPDATE posts SET title = 'defaced' WHERE id = 1;");
        String damaged = db.query(name, CONTENTS);

        JsonNode result = cli.run("restore", "--source", "wpdb", "--in-place", "--yes", "--json").requireOk().json();

        assertThat(db.query(name, CONTENTS)).isEqualTo(original);
        String safety = result.get("safetyPoint").asText();
        cli.run("restore", "--source", "wpdb", "--point", safety, "--to-database", name + "_before", "--yes").requireOk();
        assertThat(db.query(name + "_before", CONTENTS)).isEqualTo(damaged);
    }

    @Test
    void restoreToAnExistingDatabaseIsRefusedAndLeavesItAlone() {
        cli.run("backup", "wp").requireOk();
        String other = name + "_taken";
        db.createDatabase(other);

        Cli.Result result = cli.run("restore", "--source", "wpdb", "--to-database", other, "--yes");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(other + " already exists");
        assertThat(db.query(other, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"))
                .isEqualTo("0");
    }
}
