package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.engine.BackupListener;
import app.mamori.engine.MamoriHome;
import app.mamori.service.Services;
import app.mamori.ssh.JschConnector;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.util.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point's id is its run's start to the second, and a vault only knows its own folders: a job
 * moved to another vault and backed up again within the same second must still get an id of its
 * own, or the catalogue refuses the second point ("already exists").
 */
@ExtendWith(SshdExtension.class)
class SameSecondPointTest {
    @Test
    void aJobMovedToAnotherVaultInTheSameSecondGetsTheNextId(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path files = Files.createDirectories(tmp.resolve("uploads"));
        Files.writeString(files.resolve("a.txt"), "a");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "first", "--path", tmp.resolve("first").toString()).requireOk();
        cli.run("vault", "add", "second", "--path", tmp.resolve("second").toString()).requireOk();
        cli.run("source", "add", "uploads", "--server", "web", "--kind", "files", "--path", files.toString())
                .requireOk();
        cli.run("job", "add", "site", "--sources", "uploads", "--vault", "first").requireOk();

        Instant second = Instant.parse("2026-12-07T04:00:00.250Z");
        MamoriHome home = new MamoriHome(tmp.resolve("home"));
        try (Catalog catalog = Catalog.open(home.catalogFile(), Clock.systemUTC())) {
            Services services = Services.over(home, catalog,
                    new JschConnector(home.knownHostsFile(), JschConnector.defaultSshConfig()),
                    Clock.fixed(second, ZoneOffset.UTC));
            String first = backUp(services);
            cli.run("job", "set", "site", "--vault", "second").requireOk();
            String again = backUp(services);

            assertThat(first).isEqualTo("site/20261207T040000Z");
            assertThat(again).isEqualTo("site/20261207T040000Z-2");
            assertThat(tmp.resolve("second/web/site/20261207T040000Z-2/manifest.json")).isRegularFile();
        }
    }

    private static String backUp(Services services) {
        var backup = services.runs().execute(services.runs().plan("site"), BackupListener.NONE, CancelToken.none());
        assertThat(backup.result().ok()).as(backup.result().error()).isTrue();
        return backup.result().point().orElseThrow().id();
    }
}
