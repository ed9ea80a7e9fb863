package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** mamori config export and import between data folders, against a real sshd and PostgreSQL. */
@ExtendWith({SshdExtension.class, PostgresExtension.class, S3Extension.class})
class ConfigFileTest {
    private static final String HOOK = "https://hooks.example.com/services/T0K3N-S3CR3T";

    private Cli cli;
    private PostgresServer pg;
    private SshdServer sshd;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) throws Exception {
        this.pg = pg;
        this.sshd = sshd;
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("office", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        String db = "shop_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key); INSERT INTO orders VALUES (1), (2);"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "office", "--kind",
                "postgres", "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        Files.createDirectories(tmp.resolve("site"));
        Files.writeString(tmp.resolve("site/index.html"), "<h1>hi</h1>\n");
        cli.run("source", "add", "site", "--server", "office", "--kind", "files", "--path",
                tmp.resolve("site").toString(), "--exclude", "*.tmp").requireOk();
        cli.run("job", "add", "nightly", "--sources", "shopdb,site", "--vault", "local", "--schedule", "daily 02:30",
                "--keep-daily", "7", "--keep-monthly", "6", "--rpo", "24h", "--rto", "2h", "--stall-timeout", "2h")
                .requireOk();
        cli.runWithStdin(HOOK + "\n", "notify", "add", "chat", "--webhook-stdin", "--format", "slack", "--on",
                "failure,overdue").requireOk();
        cli.run("contacts", "set", "Aiko Sato;IT;+81 3 1234 5678;aiko@example.jp").requireOk();
        cli.run("server", "restore-order", "office", "shopdb,site").requireOk();
    }

    @Test
    void theExportHoldsTheConfigurationWithPinnedKeysAndNamesTheSecretsWithoutThem() {
        String yaml = cli.run("config", "export").requireOk().out();

        assertThat(yaml).contains("name: office").contains(sshd.hostKeyFingerprint())
                .contains("schedule: daily 02:30").contains("daily: 7").contains("monthly: 6")
                .contains("rpo: 1d").contains("rto: 2h").contains("stallTimeout: 2h").contains("name: Aiko Sato")
                .contains("- shopdb")
                .contains("name: source/shopdb/password").contains("name: notify/chat/url")
                .doesNotContain(pg.mamoriPassword()).doesNotContain("T0K3N");
    }

    @Test
    void importingItsOwnExportChangesNothing() throws Exception {
        Path file = tmp.resolve("mamori.yaml");
        cli.run("config", "export", "--out", file.toString()).requireOk();

        Cli.Result r = cli.run("config", "import", file.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("nothing to change: this workstation already has this configuration\n");
    }

    @Test
    void exportImportIntoAnEmptyDataFolderAndExportAgainGiveTheSameFileAndTheCopyWorks() throws Exception {
        Path file = tmp.resolve("mamori.yaml");
        cli.run("config", "export", "--out", file.toString()).requireOk();
        Cli other = new Cli(tmp.resolve("other-home"));

        Cli.Result dry = other.run("config", "import", file.toString(), "--dry-run").requireOk();
        assertThat(dry.out()).contains("add     server office").contains("add     pinned host key of office")
                .contains("add     source shopdb").contains("add     job nightly")
                .contains("secret  source/shopdb/password: the database password of source shopdb")
                .contains("secret  notify/chat/url").contains("(dry run: nothing was changed)");
        assertThat(other.run("job", "list").requireOk().out()).isEmpty();

        Cli.Result imported = other.runWithStdin(pg.mamoriPassword() + "\n" + HOOK + "\n", "config", "import",
                file.toString()).requireOk();

        assertThat(imported.out()).contains("imported ").contains("2 secret(s) stored");
        assertThat(other.run("config", "export").requireOk().out()).isEqualTo(Files.readString(file));
        assertThat(other.run("config", "import", file.toString()).requireOk().out()).startsWith("nothing to change");
        // the pinned key and the stored password came along: the copy connects and backs up
        assertThat(other.run("server", "test", "office").requireOk().out()).contains(sshd.hostKeyFingerprint());
        other.run("backup", "nightly").requireOk();
    }

    @Test
    void anEditedFileIsShownAsChangesAndApplied() throws Exception {
        Path file = tmp.resolve("mamori.yaml");
        cli.run("config", "export", "--out", file.toString()).requireOk();
        Files.writeString(file, Files.readString(file).replace("schedule: daily 02:30", "schedule: daily 03:15")
                .replace("rto: 2h", "rto: 3h"));

        Cli.Result r = cli.run("config", "import", file.toString()).requireOk();

        assertThat(r.out()).contains("change  job nightly schedule: daily 02:30 -> daily 03:15")
                .contains("change  job nightly objectives").contains("imported " + file + ": 0 added, 2 changed");
        assertThat(cli.run("job", "list").requireOk().out()).contains("daily 03:15").contains("RTO 3h");
    }

    @Test
    void aMissingSecretOrABrokenFileImportsNothingAndSaysWhy() throws Exception {
        Path file = tmp.resolve("mamori.yaml");
        cli.run("config", "export", "--out", file.toString()).requireOk();
        Cli other = new Cli(tmp.resolve("other-home"));

        Cli.Result noSecret = other.runWithStdin(pg.mamoriPassword() + "\n", "config", "import", file.toString());
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(file).replace("port: " + sshd.port(), "port: twenty-two"));
        Cli.Result bad = other.run("config", "import", broken.toString());
        Cli.Result missing = other.run("config", "import", tmp.resolve("nope.yaml").toString());

        assertThat(noSecret.exit()).isEqualTo(1);
        assertThat(noSecret.err()).contains("secret notify/chat/url (the webhook URL of notifier chat) was not given;"
                + " nothing was imported");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("servers[0].port: 'twenty-two' is not a whole number");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml does not exist");
        assertThat(other.run("server", "list").requireOk().out()).isEmpty();
    }

    @Test
    void offsiteVaultsJobCopiesAndPausesTravelWithTheirSecretsNamedAndComeBackByteIdentical(S3Server s3)
            throws Exception {
        String passphrase = "the office may burn, the copies stay";
        cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n" + passphrase + "\n", "vault", "add", "offsite", "--s3",
                s3.newBucket("config") + "/mamori", "--endpoint", s3.endpoint(), "--region", S3Server.REGION,
                "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin", "--encrypt").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
        cli.run("job", "set", "shop", "--copy-to", "offsite", "--copy-keep-daily", "7", "--copy-keep-monthly", "12")
                .requireOk();
        cli.run("job", "pause", "nightly", "--reason", "moving the office").requireOk();
        Path file = tmp.resolve("mamori.yaml");
        cli.run("config", "export", "--out", file.toString()).requireOk();
        String yaml = Files.readString(file);
        assertThat(yaml).contains("objectVaults:").contains("accessKeyId: " + S3Server.ACCESS_KEY_ID)
                .contains("secretKeySecret: vault/offsite/secret-access-key")
                .contains("passphraseSecret: vault/offsite/passphrase").contains("vault: offsite")
                .contains("reason: moving the office")
                .doesNotContain(S3Server.SECRET_ACCESS_KEY).doesNotContain(passphrase);
        Cli other = new Cli(tmp.resolve("other-home"));

        Cli.Result dry = other.run("config", "import", file.toString(), "--dry-run").requireOk();
        assertThat(dry.out()).contains("add     offsite vault offsite (s3://")
                .contains("secret  vault/offsite/secret-access-key: the secret access key of offsite vault offsite")
                .contains("secret  vault/offsite/passphrase: the passphrase of encrypted offsite vault offsite");
        other.runWithStdin(pg.mamoriPassword() + "\n" + S3Server.SECRET_ACCESS_KEY + "\n" + passphrase + "\n" + HOOK
                + "\n", "config", "import", file.toString()).requireOk();

        assertThat(other.run("config", "export").requireOk().out()).isEqualTo(yaml);
        assertThat(other.run("config", "import", file.toString()).requireOk().out()).startsWith("nothing to change");
        assertThat(other.run("job", "list").requireOk().out()).contains("moving the office");
        // the key and the passphrase were stored under their names: the encrypted vault opens
        assertThat(other.run("copy", "shop", "--verify").requireOk().out()).contains("0 of 0 copies of job shop");
    }
}
