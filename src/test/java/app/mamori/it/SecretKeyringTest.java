package app.mamori.it;

import app.mamori.secret.SecretStore;
import app.mamori.testenv.SecretServiceDaemon;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets in a real Secret Service (GNOME Keyring on a D-Bus session bus of the test's own): the
 * CLI, started as a process of its own with that bus (and without the suite's
 * {@code MAMORI_KEYRING=off}), stores a source's password there and not in secrets.json, finds it
 * again after the keyring restarts, and deletes it with the source; secrets the file held move
 * over once; a locked keyring leaves the password in the file and {@code status} says why.
 */
@ExtendWith(SshdExtension.class)
class SecretKeyringTest {
    private static final String KEY = SecretStore.sourcePasswordKey("shop");
    private SecretServiceDaemon keyring;
    private Cli cli;
    private String service;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) {
        keyring = SecretServiceDaemon.start();
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db", sshd); // in this JVM: the suite's file store, and no secret involved
        service = new SecretStore(cli.home().resolve("secrets.json")).keyringService();
    }

    @AfterEach
    void tearDown() {
        if (keyring != null) {
            keyring.close();
        }
    }

    @Test
    void aSourcePasswordLandsInTheKeyringNotTheFileSurvivesARestartAndGoesWithTheSource() throws Exception {
        Cli.Result added = cli.runProcess(withKeyring(), "pa$$ 'word'\n", "source", "add", "shop", "--server", "db",
                "--kind", "postgres", "--database", "shop", "--password-stdin").requireOk();

        assertThat(added.err()).as("nothing from D-Bus or the keyring library on stderr").isEmpty();
        assertThat(keyring.lookup(service, KEY)).contains("pa$$ 'word'");
        assertThat(fileText("secrets.json")).doesNotContain("pa$$");
        assertThat(fileText("secrets-keyring.json")).contains(KEY).doesNotContain("pa$$");
        assertThat(cli.runProcess(withKeyring(), "", "status").requireOk().out())
                .contains("secrets: in the OS keyring (Secret Service)").doesNotContain("still in");

        keyring.restart();
        assertThat(read(KEY).out()).isEqualTo("pa$$ 'word'");

        cli.runProcess(withKeyring(), "", "source", "remove", "shop").requireOk();
        assertThat(keyring.lookup(service, KEY)).isEmpty();
        assertThat(fileText("secrets-keyring.json")).doesNotContain(KEY);
    }

    @Test
    void secretsTheFileHeldMoveToTheKeyringOnceAndStillWork() throws Exception {
        SecretStore file = new SecretStore(cli.home().resolve("secrets.json"));
        file.put("source/old/password", "from before");
        file.put("notifier/mail/password", "smtp pw");

        assertThat(cli.runProcess(withKeyring(), "", "status").requireOk().out())
                .contains("secrets: in the OS keyring (Secret Service)");

        assertThat(keyring.lookup(service, "source/old/password")).contains("from before");
        assertThat(keyring.lookup(service, "notifier/mail/password")).contains("smtp pw");
        assertThat(fileText("secrets.json")).isEqualTo("{}");
        assertThat(read("source/old/password", "notifier/mail/password").out()).isEqualTo("from before\nsmtp pw");
    }

    @Test
    void aLockedKeyringLeavesThePasswordInTheFileAndStatusSaysWhy() throws Exception {
        keyring.lock();

        cli.runProcess(withKeyring(), "still here\n", "source", "add", "shop", "--server", "db", "--kind",
                "postgres", "--database", "shop", "--password-stdin").requireOk();

        assertThat(fileText("secrets.json")).contains("still here");
        assertThat(read(KEY).out()).isEqualTo("still here");
        assertThat(cli.runProcess(withKeyring(), "", "status").requireOk().out())
                .contains("secrets: in the OS keyring (Secret Service); 1 still in ")
                .contains("the OS keyring refused them").doesNotContain("still here");
    }

    @Test
    void withoutASessionBusTheFileIsUsedAndStatusSaysSo() throws Exception {
        Path noBus = Files.createDirectories(cli.home().resolveSibling("empty-runtime"));
        Cli.Result status = cli.runProcess(env -> {
            env.remove("MAMORI_KEYRING");
            env.remove("DBUS_SESSION_BUS_ADDRESS");
            env.put("XDG_RUNTIME_DIR", noBus.toString()); // no session bus in its well-known place either
        }, "", "status").requireOk();

        assertThat(status.out()).contains("secrets: in " + cli.home().resolve("secrets.json")
                + " (readable by you only): no OS keyring: no D-Bus session bus");
    }

    /**
     * A backup from cron: no bus variable, but the admin's session bus where systemd puts it
     * ($XDG_RUNTIME_DIR/bus). The keyring's secrets must still be read, not reported missing.
     */
    @Test
    void aProcessStartedWithoutTheBusVariableFindsTheUsersBusAndReadsTheKeyring() throws Exception {
        cli.runProcess(withKeyring(), "from the app\n", "source", "add", "shop", "--server", "db", "--kind",
                "postgres", "--database", "shop", "--password-stdin").requireOk();
        Path runtime = Files.createDirectories(cli.home().resolveSibling("runtime"));
        Files.createSymbolicLink(runtime.resolve("bus"),
                Path.of(keyring.env().get("DBUS_SESSION_BUS_ADDRESS").substring("unix:path=".length())));
        Consumer<Map<String, String>> cron = env -> {
            withKeyring().accept(env);
            env.remove("DBUS_SESSION_BUS_ADDRESS");
            env.put("XDG_RUNTIME_DIR", runtime.toString());
        };

        assertThat(cli.runProcess(cron, "", "status").requireOk().out())
                .contains("secrets: in the OS keyring (Secret Service)");
        List<String> args = List.of(cli.home().resolve("secrets.json").toString(), KEY);
        assertThat(Cli.java(ReadSecret.class.getName(), cron, "", args).requireOk().out()).isEqualTo("from the app");
    }

    /** The CLI's environment on a desktop with this keyring: the suite's MAMORI_KEYRING=off taken away. */
    private Consumer<Map<String, String>> withKeyring() {
        return env -> {
            env.remove("MAMORI_KEYRING");
            env.putAll(keyring.env());
        };
    }

    /** A secret as a new Mamori process reads it through its store (no command prints one). */
    private Cli.Result read(String... keys) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(cli.home().resolve("secrets.json").toString()));
        args.addAll(List.of(keys));
        return Cli.java(ReadSecret.class.getName(), withKeyring(), "", args).requireOk();
    }

    private String fileText(String name) throws Exception {
        Path f = cli.home().resolve(name);
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** The reading process: prints the secrets stored under the keys, one a line; exit 1 when one is missing. */
    public static final class ReadSecret {
        public static void main(String[] args) throws Exception {
            List<String> found = new java.util.ArrayList<>();
            try (SecretStore store = SecretStore.open(Path.of(args[0]), System.getenv())) {
                for (String key : List.of(args).subList(1, args.length)) {
                    store.get(key).ifPresentOrElse(found::add, () -> System.exit(1));
                }
            }
            System.out.print(String.join("\n", found));
        }
    }
}
