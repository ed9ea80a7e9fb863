package app.mamori.it;

import app.mamori.testenv.MariadbExtension;
import app.mamori.testenv.MariadbServer;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbook generated from real servers and backups, in both formats and both languages; every
 * {@code mamori restore} line it prints for a scratch target is run as written and must restore,
 * and the PostgreSQL restore by hand is run as written too.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class, MariadbExtension.class})
class RunbookTest {
    private Cli cli;
    private SshdServer sshd;
    private PostgresServer pg;
    private MariadbServer maria;
    private Path tmp;
    private String pgDb;
    private String myDb;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, MariadbServer maria, @TempDir Path tmp) throws Exception {
        this.sshd = sshd;
        this.pg = pg;
        this.maria = maria;
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("office", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        pgDb = "shop_" + System.nanoTime();
        pg.createDatabase(pgDb);
        pg.execSql(pgDb, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 300) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "office", "--kind",
                "postgres", "--database", pgDb, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        myDb = "wp_" + System.nanoTime();
        maria.createDatabase(myDb);
        maria.execSql(myDb, "CREATE TABLE posts(id INT PRIMARY KEY, title TEXT); INSERT INTO posts VALUES (1, 'a'), (2, 'b');");
        cli.runWithStdin(maria.mamoriPassword() + "\n", "source", "add", "wpdb", "--server", "office", "--kind",
                "mysql", "--database", myDb, "--db-host", maria.host(), "--db-port", Integer.toString(maria.port()),
                "--db-user", maria.mamoriUser(), "--password-stdin").requireOk();
        Path tool = tmp.resolve("tool.db");
        new ProcessBuilder("sqlite3", tool.toString(), "CREATE TABLE t(x); INSERT INTO t VALUES (42);").start()
                .waitFor();
        cli.run("source", "add", "tooldb", "--server", "office", "--kind", "sqlite", "--path", tool.toString())
                .requireOk();
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("uploads"));
        Files.writeString(site.resolve("uploads/logo.txt"), "logo\n");
        cli.run("source", "add", "site", "--server", "office", "--kind", "files", "--path", site.toString())
                .requireOk();
        cli.run("job", "add", "office-nightly", "--sources", "shopdb,wpdb,tooldb,site", "--vault", "local",
                "--schedule", "daily 02:30", "--keep-daily", "14", "--rpo", "24h", "--rto", "4h").requireOk();
        cli.run("contacts", "set", "Aiko Sato;IT lead;+81 3 1234 5678;aiko@example.jp", "Ken Ito;Owner;;").requireOk();
        cli.run("server", "restore-order", "office", "shopdb,wpdb,tooldb,site").requireOk();
        cli.run("backup", "office-nightly").requireOk();
        cli.run("verify", "--all", "--drill").requireOk();
        removeScratch();
    }

    @AfterEach
    void cleanUp() throws Exception {
        removeScratch();
    }

    private void removeScratch() throws Exception {
        pg.execSql("postgres", "DROP DATABASE IF EXISTS " + PostgresServer.identifier(pgDb + "_restored"));
        maria.execSql(myDb, "DROP DATABASE IF EXISTS " + MariadbServer.identifier(myDb + "_restored"));
        // and the dump the restore by hand copied to the server's /var/tmp, as the admin would afterwards
        sh("rm -rf /var/tmp/site-restored; rm -f /var/tmp/shopdb.pgdump " + tmp.resolve("tool.db.restored"));
    }

    @Test
    void everyRestoreLineForAScratchTargetWorksWhenRunAsWritten() throws Exception {
        String md = cli.run("runbook", "--format", "md", "--lang", "en").requireOk().out();
        List<String> lines = restoreLines(md).stream().filter(l -> l.endsWith("--yes")).toList();
        assertThat(lines).containsExactly(
                "mamori restore --source shopdb --to-database " + pgDb + "_restored --yes",
                "mamori restore --source wpdb --to-database " + myDb + "_restored --yes",
                "mamori restore --source tooldb --to-path " + tmp.resolve("tool.db.restored") + " --yes",
                "mamori restore --source site --to-path /var/tmp/site-restored --yes");

        for (String line : lines) {
            List<String> words = words(line);
            assertThat(words.get(0)).isEqualTo("mamori");
            cli.run(words.subList(1, words.size()).toArray(String[]::new)).requireOk();
        }

        assertThat(pg.query(pgDb + "_restored", "SELECT count(*) FROM orders")).isEqualTo("300");
        assertThat(maria.query(myDb + "_restored", "SELECT COUNT(*) FROM posts")).isEqualTo("2");
        assertThat(sh("sqlite3 " + tmp.resolve("tool.db.restored") + " 'SELECT x FROM t'")).isEqualTo("42");
        // a files restore keeps each folder under its full path inside the new folder
        assertThat(Files.readString(Path.of("/var/tmp/site-restored" + tmp.resolve("site/uploads/logo.txt"))))
                .isEqualTo("logo\n");
    }

    @Test
    void thePostgresRestoreByHandWorksWhenRunAsWritten() throws Exception {
        String md = cli.run("runbook", "--lang", "en").requireOk().out();
        String section = md.substring(md.indexOf("### Source shopdb"), md.indexOf("### Source wpdb"));
        String byHand = section.substring(section.indexOf("#### Restore by hand"));
        List<String> commands = new ArrayList<>();
        for (String l : byHand.substring(byHand.indexOf("```sh") + 6, byHand.lastIndexOf("```")).split("\n")) {
            if (!l.startsWith("#") && !l.isBlank()) {
                commands.add(l);
            }
        }
        assertThat(commands).hasSize(5);
        assertThat(commands.get(4)).as("the copy on the server removed at the end").isEqualTo("rm /var/tmp/shopdb.pgdump");
        assertThat(commands.get(0)).startsWith("scp -P " + sshd.port() + " -i ").endsWith(":/var/tmp/");
        assertThat(commands.get(1)).startsWith("ssh -p " + sshd.port());
        // the server is this machine: the copy is a cp, and the login is where we already are
        List<String> scp = words(commands.get(0));
        sh("cp " + scp.get(scp.size() - 2) + " /var/tmp/");
        for (String c : commands.subList(2, 4)) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", c).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", pg.mamoriPassword()); // what the admin types when asked
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(c + "\n" + out).isZero();
        }
        assertThat(pg.query(pgDb + "_restored", "SELECT count(*) FROM orders")).isEqualTo("300");
        sh(commands.get(4));
        assertThat(Path.of("/var/tmp/shopdb.pgdump")).doesNotExist();
    }

    @Test
    void theRunbookSaysWhatIsNeededOnABadDayAndNamesTheConfigurationItMatches() throws Exception {
        String yaml = cli.run("config", "export").requireOk().out();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(yaml.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        Path html = tmp.resolve("runbook.html");
        cli.run("runbook", "--out", html.toString(), "--lang", "en").requireOk();
        String doc = Files.readString(html);

        assertThat(doc).startsWith("<!DOCTYPE html>").contains("from configuration " + hash)
                .contains("<h2>Server office</h2>").contains(sshd.hostKeyFingerprint())
                .contains("<td>Aiko Sato</td><td>IT lead</td><td>+81 3 1234 5678</td>")
                .contains("source/shopdb/password").doesNotContain(pg.mamoriPassword())
                .doesNotContain(maria.mamoriPassword())
                .contains("daily 02:30 (every day at 02:30)").contains("--keep-daily 14")
                .contains("<td>by hand only (<code>mamori job set JOB --drill quarterly</code>)</td>")
                .contains("<td>RPO</td><td>1d</td><td>met, ").contains("<td>RTO</td><td>4h</td><td>met, ")
                .containsPattern("Latest drill [0-9-]+ [0-9:]+ [A-Z]+: restored in [0-9.]+ s, PASSED")
                .contains("mamori restore --source shopdb --in-place");
        assertThat(doc.indexOf("<li>shopdb (postgres)</li>")).isLessThan(doc.indexOf("<li>site (files)</li>"));

        String ja = cli.run("runbook", "--server", "office", "--lang", "ja").requireOk().out();
        assertThat(ja).contains("# Mamori 災害復旧手順書").contains("## サーバー office").contains("復旧目標")
                .contains("mamori restore --source shopdb --to-database " + pgDb + "_restored --yes");
    }

    @Test
    void aSourceKeptInAVaultOnItsServerRestoresFromThereWithMamoriAndByHand() throws Exception {
        Path notes = tmp.resolve("notes.db");
        sh("sqlite3 " + notes + " 'CREATE TABLE n(t); INSERT INTO n VALUES (1), (2), (3);'");
        cli.run("vault", "add", "disk", "--server", "office", "--path", tmp.resolve("disk").toString()).requireOk();
        cli.run("source", "add", "notes", "--server", "office", "--kind", "sqlite", "--path", notes.toString())
                .requireOk();
        cli.run("job", "add", "notes-job", "--sources", "notes", "--vault", "disk").requireOk();
        cli.run("backup", "notes-job").requireOk();

        String md = cli.run("runbook", "--lang", "en").requireOk().out();

        String section = md.substring(md.indexOf("### Source notes"));
        assertThat(section).contains("(on the server, in the vault there)").doesNotContain("scp ");
        String line = restoreLines(section).get(0);
        assertThat(line).isEqualTo("mamori restore --source notes --to-path " + notes + ".restored --yes");
        List<String> words = words(line);
        cli.run(words.subList(1, words.size()).toArray(String[]::new)).requireOk();
        assertThat(sh("sqlite3 " + notes + ".restored 'SELECT count(*) FROM n'")).isEqualTo("3");
        Files.delete(Path.of(notes + ".restored"));
        // by hand, on the server (this machine): the zstd line writes the file, the check line says ok
        String byHand = section.substring(section.indexOf("#### Restore by hand"));
        List<String> commands = byHand.lines().filter(l -> l.startsWith("zstd ") || l.startsWith("sqlite3 ")).toList();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).contains(tmp.resolve("disk").toString());
        sh(commands.get(0));
        assertThat(sh(commands.get(1))).isEqualTo("ok");
        assertThat(sh("sqlite3 " + notes + ".restored 'SELECT count(*) FROM n'")).isEqualTo("3");
    }

    /**
     * The sample runbooks of docs/ (English and Japanese Markdown) and the sample configuration,
     * as these servers give them: written to a temp folder on every run, and into docs/ with
     * {@code -Dmamori.sampleRunbook=docs}. The samples are generated, never written by hand.
     */
    @Test
    void sampleRunbooksForTheDocs() throws Exception {
        String asked = System.getProperty("mamori.sampleRunbook");
        Path dir = asked == null ? tmp.resolve("samples") : Path.of(asked);
        Files.createDirectories(dir);
        cli.run("runbook", "--lang", "en", "--out", dir.resolve("sample-runbook.md").toAbsolutePath().toString())
                .requireOk();
        cli.run("runbook", "--lang", "ja", "--out", dir.resolve("sample-runbook.ja.md").toAbsolutePath().toString())
                .requireOk();
        cli.run("config", "export", "--out", dir.resolve("sample-config.yaml").toAbsolutePath().toString())
                .requireOk();

        assertThat(Files.readString(dir.resolve("sample-runbook.md"))).startsWith("# Mamori disaster-recovery runbook")
                .contains("## Server office");
        assertThat(Files.readString(dir.resolve("sample-runbook.ja.md"))).startsWith("# Mamori 災害復旧手順書");
        assertThat(Files.readString(dir.resolve("sample-config.yaml"))).contains("shopdb").doesNotContain("password:");
    }

    @Test
    void aWrongFormatServerRestoreOrderOrContactIsNamedAndChangesNothing() {
        Cli.Result format = cli.run("runbook", "--format", "pdf");
        Cli.Result server = cli.run("runbook", "--server", "nowhere");

        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format: 'pdf' is not one of html, md");
        assertThat(server.exit()).isEqualTo(1);
        assertThat(server.err()).contains("--server: no server 'nowhere'");
        Cli.Result order = cli.run("server", "restore-order", "office", "shopdb,nosuch");
        assertThat(order.exit()).isEqualTo(2);
        assertThat(order.err()).contains("--restore-order: 'nosuch' is not a source of server office");
        assertThat(cli.run("server", "restore-order", "office").requireOk().out())
                .contains("restores in this order: shopdb, wpdb, tooldb, site");
        Cli.Result contact = cli.run("contacts", "set", ";IT;;");
        assertThat(contact.exit()).isEqualTo(2);
        assertThat(contact.err()).contains("has no name; write NAME;ROLE;PHONE;E-MAIL");
        assertThat(cli.run("contacts", "list").requireOk().out()).startsWith("Aiko Sato\tIT lead");
    }

    /** The {@code mamori restore} lines in the runbook's command blocks, in order. */
    static List<String> restoreLines(String md) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^mamori restore .*$").matcher(md);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Splits a line the way a POSIX shell does for the quoting ShellQuote writes: plain words and '...'. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    private static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
