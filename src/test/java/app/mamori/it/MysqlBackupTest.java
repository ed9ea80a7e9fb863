package app.mamori.it;

import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Backs up a real MariaDB database over a real sshd through the CLI. */
@ExtendWith({SshdExtension.class, MariadbExtension.class})
class MysqlBackupTest {
    private Cli cli;
    private MariadbServer db;

    @BeforeEach
    void setUp(SshdServer sshd, MariadbServer db, @TempDir Path tmp) {
        this.db = db;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("web1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
    }

    private void addSource(String name, String database, String password) {
        cli.runWithStdin(password + "\n", "source", "add", name, "--server", "web1", "--kind", "mysql",
                "--database", database, "--db-host", db.host(), "--db-port", Integer.toString(db.port()),
                "--db-user", db.mamoriUser(), "--password-stdin").requireOk();
    }

    @Test
    void dumpOfADatabaseWithAHostileNameHoldsItsTablesRoutinesAndTriggers() throws Exception {
        String name = "-wp $(touch /tmp/pwned) 'x' \"y\" `z`; b\u00e9";
        db.createDatabase(name);
        db.execSql(name, "CREATE TABLE posts(id INT PRIMARY KEY, title TEXT);"
                + " INSERT INTO posts VALUES (1, 'hello'), (2, 'w\u00f6rld');"
                + " CREATE TRIGGER posts_ai AFTER INSERT ON posts FOR EACH ROW SET @x = 1;"
                + " CREATE PROCEDURE count_posts() SELECT COUNT(*) FROM posts;");
        addSource("wpdb", name, db.mamoriPassword());
        cli.run("job", "add", "wp", "--sources", "wpdb", "--vault", "local").requireOk();

        List<String> seen;
        Cli.Result result;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("backup", "wp", "--json");
            seen = List.copyOf(watch.commandLines());
        }
        result.requireOk();
        JsonNode artifact = result.json().get("point").get("artifacts").get(0);
        Path file = Path.of(artifact.get("path").asText());
        assertThat(file.getFileName().toString()).isEqualTo("wpdb.sql.zst");
        String sql;
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sql).contains("CREATE TABLE `posts`").contains("w\u00f6rld")
                .contains("posts_ai").contains("count_posts");
        assertThat(PostgresBackupTest.sha256(file)).isEqualTo(artifact.get("sha256").asText());
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
        assertThat(seen).noneMatch(c -> c.contains(db.mamoriPassword()));
    }

    @Test
    void accessDeniedNamesTheUserAndWhatToDo() {
        String name = "acl_" + System.nanoTime();
        db.createDatabase(name);
        addSource("acldb", name, "wrong password");
        cli.run("job", "add", "acl", "--sources", "acldb", "--vault", "local").requireOk();

        Cli.Result result = cli.run("backup", "acl");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("refused user " + db.mamoriUser()).contains("set-password acldb");
        assertThat(cli.run("points", "--json").requireOk().json()).isEmpty();
    }
}
