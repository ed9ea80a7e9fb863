package app.mamori.it;

import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori vault passphrase} against a real S3 API server: only the key file is rewrapped,
 * the old passphrase opens nothing afterwards, the new one rebuilds the catalogue on a fresh data
 * folder, and a change cut short between writing the new key file and deleting the old one
 * leaves a vault each passphrase still opens.
 */
@ExtendWith(S3Extension.class)
class VaultPassphraseTest {
    private static final String OLD = "the first passphrase we chose";
    private static final String NEW = "a better passphrase, kept in the safe";

    private S3Server s3;
    private Path tmp;
    private String bucket;
    private Cli cli;

    @BeforeEach
    void setUp(S3Server s3, @TempDir Path tmp) {
        this.s3 = s3;
        this.tmp = tmp;
        bucket = s3.newBucket("pass");
        cli = new Cli(tmp.resolve("home"));
        add(cli, OLD).requireOk();
    }

    private Cli.Result add(Cli c, String passphrase) {
        return c.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n" + passphrase + "\n", "vault", "add", "offsite",
                "--s3", bucket + "/mamori", "--endpoint", s3.endpoint(), "--region", S3Server.REGION,
                "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin", "--encrypt");
    }

    @Test
    void afterAChangeOnlyTheKeyFileDiffersTheOldPassphraseIsRefusedAndTheNewOneRebuilds() {
        Map<String, byte[]> before = s3.objects(bucket);

        Cli.Result changed = cli.runWithStdin(OLD + "\n" + NEW + "\n" + NEW + "\n", "vault", "passphrase", "offsite")
                .requireOk();

        assertThat(changed.out() + changed.err()).contains("changed the passphrase of vault offsite")
                .doesNotContain(OLD).doesNotContain(NEW);
        Map<String, byte[]> after = s3.objects(bucket);
        assertThat(after.keySet()).singleElement().satisfies(k -> assertThat(k)
                .matches("mamori/mamori-key-[0-9]{8}T[0-9]{9}Z-[0-9a-f]{8}\\.json"));
        assertThat(before.keySet()).containsExactly("mamori/mamori-key.json");
        Cli.Result oldOne = add(new Cli(tmp.resolve("thief")), OLD);
        assertThat(oldOne.exit()).isEqualTo(1);
        assertThat(oldOne.err()).contains("passphrase does not open this vault's key");
        Cli fresh = new Cli(tmp.resolve("new-workstation"));
        add(fresh, NEW).requireOk();
        assertThat(fresh.run("catalog", "rebuild", "--vault", "offsite").requireOk().out())
                .contains("0 restore point(s) found");
        assertThat(cli.run("catalog", "rebuild", "--vault", "offsite").requireOk().out())
                .as("this computer's secret store keeps the new passphrase").contains("restore point(s) found");
        assertThat(cli.runWithStdin(OLD + "\n" + NEW + "\n" + NEW + "\n", "vault", "passphrase", "offsite").exit())
                .as("the old passphrase cannot change it again").isEqualTo(1);
    }

    @Test
    void aChangeCutShortBeforeTheOldKeyFileWasDeletedLeavesAVaultBothPassphrasesOpen() {
        byte[] oldKey = s3.objects(bucket).get("mamori/mamori-key.json");
        cli.runWithStdin(OLD + "\n" + NEW + "\n" + NEW + "\n", "vault", "passphrase", "offsite").requireOk();
        // as if the process died after writing the new key file, before deleting the old one
        s3.client().putObject(b -> b.bucket(bucket).key("mamori/mamori-key.json"), RequestBody.fromBytes(oldKey));

        add(new Cli(tmp.resolve("with-old")), OLD).requireOk();
        add(new Cli(tmp.resolve("with-new")), NEW).requireOk();

        Cli again = new Cli(tmp.resolve("with-new"));
        again.runWithStdin(NEW + "\n" + NEW + "!\n" + NEW + "!\n", "vault", "passphrase", "offsite").requireOk();
        assertThat(s3.keys(bucket)).as("finishing a change removes every other key file").hasSize(1);
        assertThat(add(new Cli(tmp.resolve("late")), OLD).exit()).isEqualTo(1);
    }

    @Test
    void mistakesOnStdinChangeNothing() {
        Cli.Result differ = cli.runWithStdin(OLD + "\n" + NEW + "\n" + NEW + "x\n", "vault", "passphrase", "offsite");
        assertThat(differ.exit()).isEqualTo(2);
        assertThat(differ.err()).contains("differ").doesNotContain(NEW);
        Cli.Result wrong = cli.runWithStdin("not it at all\n" + NEW + "\n" + NEW + "\n", "vault", "passphrase",
                "offsite");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("passphrase does not open this vault's key");
        assertThat(s3.keys(bucket)).containsExactly("mamori/mamori-key.json");
        assertThat(Arrays.stream(cli.run("vault", "list").requireOk().out().split("\n"))
                .collect(Collectors.joining())).contains("offsite");
    }
}
