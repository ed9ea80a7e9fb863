package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding and testing servers through the CLI: host keys are pinned, never blindly accepted. */
@ExtendWith(SshdExtension.class)
class ServerCliTest {
    private static final String OTHER_KEY = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";
    private SshdServer sshd;
    private Cli cli;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) {
        this.sshd = sshd;
        cli = new Cli(tmp.resolve("home"));
    }

    private Cli.Result add(String name, String... trust) {
        String[] base = {"server", "add", name, "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                "--user", sshd.user(), "--identity", sshd.identity().toString()};
        String[] all = new String[base.length + trust.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(trust, 0, all, base.length, trust.length);
        return cli.run(all);
    }

    @Test
    void aWrongFingerprintIsRefusedWithBothFingerprintsAndNothingIsSaved() {
        Cli.Result r = add("s1", "--host-key", OTHER_KEY);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(OTHER_KEY).contains(sshd.hostKeyFingerprint());
        assertThat(cli.run("server", "list").requireOk().out()).doesNotContain("s1");
    }

    @Test
    void withoutAFingerprintOrTrustOnFirstUseTheServerIsNotAdded() {
        Cli.Result r = add("s1");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--host-key").contains("--trust-on-first-use");
    }

    @Test
    void trustOnFirstUsePinsTheKeyAndTestPrintsItWithToolVersions() throws Exception {
        Cli.Result r = add("s1", "--trust-on-first-use").requireOk();
        assertThat(r.out()).contains(sshd.hostKeyFingerprint());
        assertThat(Files.readString(cli.home().resolve("known_hosts"))).contains(String.valueOf(sshd.port()));

        Cli.Result test = cli.run("server", "test", "s1").requireOk();
        assertThat(test.out()).contains("host key: " + sshd.hostKeyFingerprint())
                .containsPattern("pg_dump\\s+pg_dump \\(PostgreSQL\\)")
                .containsPattern("rsync\\s+rsync\\s+version");
    }

    @Test
    void aChangedHostKeyIsRefusedAtTheNextConnectionWithBothFingerprints() throws Exception {
        add("s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();
        Path knownHosts = cli.home().resolve("known_hosts");
        String pinned = Files.readString(knownHosts);
        // pretend the server was replaced: pin a different key for the same address
        String otherKeyLine = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        Files.writeString(knownHosts, pinned.replaceFirst("ssh-ed25519 \\S+", otherKeyLine));

        Cli.Result r = cli.run("server", "test", "s1");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(sshd.hostKeyFingerprint()).containsPattern("SHA256:[A-Za-z0-9+/]{43}.*SHA256:");
    }

    @Test
    void aSecondServerOnAKnownHostWithAWrongFingerprintIsRefusedAndNothingIsSaved() throws Exception {
        add("s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();
        Path knownHosts = cli.home().resolve("known_hosts");
        String pinned = Files.readString(knownHosts);

        Cli.Result r = add("s2", "--host-key", OTHER_KEY);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--host-key").contains(OTHER_KEY).contains(sshd.hostKeyFingerprint());
        assertThat(cli.run("server", "list").requireOk().out()).contains("s1").doesNotContain("s2");
        assertThat(Files.readString(knownHosts)).isEqualTo(pinned);
    }

    @Test
    void setWithAWrongFingerprintIsRefusedEvenWhenTheAddressStaysAndNothingChanges() throws Exception {
        add("s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();
        String listed = cli.run("server", "list").requireOk().out();

        Cli.Result r = cli.run("server", "set", "s1", "--user", sshd.user(), "--identity", sshd.identity().toString(),
                "--host-key", OTHER_KEY);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--host-key").contains(OTHER_KEY).contains(sshd.hostKeyFingerprint());
        assertThat(cli.run("server", "list").requireOk().out()).isEqualTo(listed);
    }

    @Test
    void setWithTheRightFingerprintOnTheSameAddressSucceeds() {
        add("s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();

        Cli.Result r = cli.run("server", "set", "s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();

        assertThat(r.out()).contains("host key " + sshd.hostKeyFingerprint());
    }

    /** The test sshd jumps to itself, reached as "localhost" so the jump host has its own known_hosts line. */
    private String[] viaJump(String... more) {
        String[] jump = {"--jump", sshd.user() + "@localhost:" + sshd.port()};
        String[] all = new String[jump.length + more.length];
        System.arraycopy(jump, 0, all, 0, jump.length);
        System.arraycopy(more, 0, all, jump.length, more.length);
        return all;
    }

    @Test
    void aJumpHostKeyGivenPinsTheJumpHostAndTheOutputNamesIt() throws Exception {
        Cli.Result r = add("s1", viaJump("--host-key", sshd.hostKeyFingerprint(),
                "--jump-host-key", sshd.hostKeyFingerprint())).requireOk();

        assertThat(r.out()).contains("jump host key pinned: " + sshd.hostKeyFingerprint())
                .contains("localhost:" + sshd.port());
        assertThat(Files.readString(cli.home().resolve("known_hosts")))
                .contains("[localhost]:" + sshd.port() + " " + sshd.hostKeyLine());
        cli.run("server", "test", "s1").requireOk();
    }

    @Test
    void aWrongJumpHostKeyIsRefusedNamingTheOptionAndNothingIsPinnedOrSaved() {
        Cli.Result r = add("s1", viaJump("--host-key", sshd.hostKeyFingerprint(), "--jump-host-key", OTHER_KEY));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--jump-host-key").contains(OTHER_KEY).contains(sshd.hostKeyFingerprint())
                .contains("jump host");
        assertThat(cli.home().resolve("known_hosts")).doesNotExist();
        assertThat(cli.run("server", "list").requireOk().out()).doesNotContain("s1");
    }

    @Test
    void trustOnFirstUseSaysWhichKeyItPinnedForTheJumpHost() {
        Cli.Result r = add("s1", viaJump("--trust-on-first-use")).requireOk();

        assertThat(r.out()).contains("host key pinned: " + sshd.hostKeyFingerprint())
                .contains("jump host key pinned: " + sshd.hostKeyFingerprint())
                .contains("localhost:" + sshd.port());
    }

    @Test
    void aJumpHostKeyForAServerWithoutAJumpHostIsRefused() {
        Cli.Result r = add("s1", "--host-key", sshd.hostKeyFingerprint(), "--jump-host-key", OTHER_KEY);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--jump-host-key").contains("no jump host");
        assertThat(cli.run("server", "list").requireOk().out()).doesNotContain("s1");
    }

    @Test
    void setCanPinANewJumpHostByItsKey() throws Exception {
        add("s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();

        Cli.Result r = cli.run("server", "set", "s1", "--jump", sshd.user() + "@localhost:" + sshd.port(),
                "--jump-host-key", sshd.hostKeyFingerprint()).requireOk();

        assertThat(r.out()).contains("jump host key pinned: " + sshd.hostKeyFingerprint());
        assertThat(Files.readString(cli.home().resolve("known_hosts"))).contains("[localhost]:" + sshd.port() + " ");
    }

    @Test
    void setWithTrustOnFirstUsePinsANewJumpHostWhereTheAddressStays() throws Exception {
        add("s1", "--host-key", sshd.hostKeyFingerprint()).requireOk();

        Cli.Result r = cli.run("server", "set", "s1", "--jump", sshd.user() + "@localhost:" + sshd.port(),
                "--trust-on-first-use");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("via " + sshd.user() + "@localhost:" + sshd.port())
                .contains("jump host key pinned: " + sshd.hostKeyFingerprint());
        assertThat(Files.readString(cli.home().resolve("known_hosts"))).contains("[localhost]:" + sshd.port() + " ");
    }

    @Test
    void anUnknownServerNameIsNamedInTheError() {
        Cli.Result r = cli.run("server", "test", "nope");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope");
    }
}
