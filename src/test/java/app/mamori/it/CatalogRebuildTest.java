package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A lost catalogue comes back from the vault's manifests alone. */
@ExtendWith(SshdExtension.class)
class CatalogRebuildTest {
    private SshdServer sshd;
    private Path tmp;
    private Path data;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.sshd = sshd;
        this.tmp = tmp;
        data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "alpha");
        new ProcessBuilder("sqlite3", data.resolve("app.db").toString(), "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                .start().waitFor();
    }

    private JsonNode backUpTwice(Cli cli, String... vaultArgs) throws Exception {
        cli.addServer("s", sshd);
        String[] add = new String[3 + vaultArgs.length];
        add[0] = "vault";
        add[1] = "add";
        add[2] = "v";
        System.arraycopy(vaultArgs, 0, add, 3, vaultArgs.length);
        cli.run(add).requireOk();
        cli.run("source", "add", "db", "--server", "s", "--kind", "sqlite", "--path", data.resolve("app.db").toString()).requireOk();
        cli.run("source", "add", "docs", "--server", "s", "--kind", "files", "--path", data.toString()).requireOk();
        cli.run("job", "add", "j", "--sources", "db,docs", "--vault", "v").requireOk();
        cli.run("backup", "j").requireOk();
        Files.writeString(data.resolve("b.txt"), "beta");
        cli.run("backup", "j").requireOk();
        return cli.run("points", "--json").requireOk().json();
    }

    @Test
    void aLocalVaultsPointsAndFileListsComeBackInAFreshCatalogue() throws Exception {
        Path vault = tmp.resolve("vault");
        JsonNode before = backUpTwice(new Cli(tmp.resolve("home")), "--path", vault.toString());

        Cli fresh = new Cli(tmp.resolve("home2"));
        fresh.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        Cli.Result r = fresh.run("catalog", "rebuild", "--vault", "v").requireOk();

        assertThat(r.out()).contains("2 restore point(s)");
        JsonNode after = fresh.run("points", "--json").requireOk().json();
        assertThat(after).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(after.get(i).get("id")).isEqualTo(before.get(i).get("id"));
            assertThat(after.get(i).get("artifacts")).isEqualTo(before.get(i).get("artifacts"));
        }
        try (Catalog c = Catalog.open(tmp.resolve("home2/catalog.db"))) {
            assertThat(c.fileIndex().count(after.get(0).get("id").asText(), "docs")).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aVaultOnTheServerIsRebuiltFromItsManifestsOverSsh() throws Exception {
        Path disk = tmp.resolve("disk");
        JsonNode before = backUpTwiceDumpsOnly(new Cli(tmp.resolve("home")), disk);

        Cli fresh = new Cli(tmp.resolve("home2"));
        fresh.addServer("s", sshd);
        fresh.run("vault", "add", "v", "--server", "s", "--path", disk.toString()).requireOk();
        fresh.run("catalog", "rebuild", "--vault", "v").requireOk();

        JsonNode after = fresh.run("points", "--json").requireOk().json();
        assertThat(after).hasSize(before.size());
        assertThat(after.get(0).get("artifacts")).isEqualTo(before.get(0).get("artifacts"));
    }

    private JsonNode backUpTwiceDumpsOnly(Cli cli, Path disk) {
        cli.addServer("s", sshd);
        cli.run("vault", "add", "v", "--server", "s", "--path", disk.toString()).requireOk();
        cli.run("source", "add", "db", "--server", "s", "--kind", "sqlite", "--path", data.resolve("app.db").toString()).requireOk();
        cli.run("job", "add", "j", "--sources", "db", "--vault", "v").requireOk();
        cli.run("backup", "j").requireOk();
        cli.run("backup", "j").requireOk();
        return cli.run("points", "--json").requireOk().json();
    }
}
