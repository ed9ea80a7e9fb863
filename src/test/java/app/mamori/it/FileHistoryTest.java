package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** mamori find and mamori diff on the file lists and table counts that real backups over sshd recorded. */
@ExtendWith(SshdExtension.class)
class FileHistoryTest {

    @Test
    void findListsAFilesVersionsAndDiffItsChangesAcrossRealSnapshots(SshdServer sshd, @TempDir Path tmp)
            throws Exception {
        Path site = Files.createDirectories(tmp.resolve("var www"));
        Files.writeString(site.resolve("wp-config.php"), "v1");
        Files.writeString(site.resolve("index.php"), "index");
        Cli cli = oneSourceJob(sshd, tmp, "www", "files", site, "site");
        String p1 = backup(cli, "site");
        Files.writeString(site.resolve("index.php"), "index, touched later");
        String p2 = backup(cli, "site");
        Files.writeString(site.resolve("wp-config.php"), "version 2");
        Files.writeString(site.resolve("new.txt"), "new");
        String p3 = backup(cli, "site");
        Files.delete(site.resolve("wp-config.php"));
        String p4 = backup(cli, "site");

        JsonNode found = cli.run("find", "wp-config.php", "--json").requireOk().json();

        assertThat(found).hasSize(1);
        JsonNode f = found.get(0);
        assertThat(f.get("source").asText()).isEqualTo("www");
        assertThat(f.get("path").asText()).as("as the admin knows it on the server").isEqualTo(site + "/wp-config.php");
        JsonNode v = f.get("versions");
        assertThat(v).hasSize(3);
        assertThat(v.get(0).get("point").asText()).isEqualTo(p1);
        assertThat(v.get(0).get("change").asText()).isEqualTo("added");
        assertThat(v.get(0).get("size").asLong()).isEqualTo(2);
        assertThat(v.get(1).get("point").asText()).isEqualTo(p3);
        assertThat(v.get(1).get("change").asText()).isEqualTo("changed");
        assertThat(v.get(1).get("sha256").asText()).hasSize(64);
        assertThat(v.get(2).get("point").asText()).isEqualTo(p4);
        assertThat(v.get(2).get("change").asText()).isEqualTo("deleted");
        assertThat(v.get(2).get("size").isNull()).isTrue();
        assertThat(v.get(2).get("sha256").isNull()).isTrue();
        assertThat(v.get(0).fieldNames()).toIterable().containsExactly("point", "time", "size", "sha256", "change");
        assertThat(cli.run("find", site + "/*.php", "--source", "www", "--json").requireOk().json()).hasSize(2);

        JsonNode diff = cli.run("diff", p2, p3, "--json").requireOk().json();

        assertThat(diff.get("added").toString()).isEqualTo("[\"" + site + "/new.txt\"]");
        assertThat(diff.get("removed")).isEmpty();
        assertThat(diff.get("changed").toString()).isEqualTo("[\"" + site + "/wp-config.php\"]");
        assertThat(cli.run("diff", p3, p4).requireOk().out()).contains("removed\t" + site + "/wp-config.php");
    }

    @Test
    void diffOfADatabaseShowsEveryTablesRowsInEachPoint(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("tool.db");
        sqlite(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1); CREATE TABLE gone(y);");
        Cli cli = oneSourceJob(sshd, tmp, "tooldb", "sqlite", db, "tool");
        String a = backup(cli, "tool");
        sqlite(db, "INSERT INTO t VALUES (2); INSERT INTO t VALUES (3); DROP TABLE gone; CREATE TABLE added(z);");
        String b = backup(cli, "tool");

        JsonNode diff = cli.run("diff", a, b, "--json").requireOk().json();

        assertThat(diff.toString()).isEqualTo("{\"tables\":[{\"name\":\"added\",\"rowsA\":null,\"rowsB\":0},"
                + "{\"name\":\"gone\",\"rowsA\":0,\"rowsB\":null},{\"name\":\"t\",\"rowsA\":1,\"rowsB\":3}]}");
    }

    /** A home with the test sshd as server {@code web}, a local vault, and one job of one source. */
    private static Cli oneSourceJob(SshdServer sshd, Path tmp, String source, String kind, Path path, String job) {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "v", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", source, "--server", "web", "--kind", kind, "--path", path.toString()).requireOk();
        cli.run("job", "add", job, "--sources", source, "--vault", "v").requireOk();
        return cli;
    }

    private static void sqlite(Path db, String sql) throws Exception {
        assertThat(new ProcessBuilder("sqlite3", db.toString(), sql).start().waitFor()).isZero();
    }

    private static String backup(Cli cli, String job) {
        return cli.run("backup", job, "--json").requireOk().json().get("point").get("id").asText();
    }
}
