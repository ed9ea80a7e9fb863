package app.mamori.it;

import app.mamori.service.Services;
import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.ssh.JschConnector;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import app.mamori.ui.runs.AppScheduler;
import app.mamori.ui.runs.RunViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's own scheduler runs a due job once, shows it as a run, and does not run it again. */
@ExtendWith(SshdExtension.class)
class AppSchedulerTest {

    @Test
    void aDueJobRunsOnceAndShowsUpAsALiveRun(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        cli.run("job", "set", "tool", "--schedule", "hourly").requireOk();

        MamoriHome home = new MamoriHome(cli.home());
        // three hours on: two or three hourly slots were missed while "the app was closed"
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(3)), ZoneOffset.UTC);
        try (Catalog catalog = Catalog.open(home.catalogFile(), later)) {
            AppContext app = new AppContext(Services.over(home, catalog, new JschConnector(home.knownHostsFile(), null),
                    later), UiExecutor.direct(), new I18n(Locale.ENGLISH));
            AppScheduler scheduler = new AppScheduler(app, ZoneOffset.UTC);

            scheduler.checkNow();

            RunViewModel run = app.runs().byJob().get("tool");
            assertThat(run).as("the scheduled run shows like one started from the app").isNotNull();
            assertThat(run.stateProperty().get()).as(run.messageProperty().get()).isEqualTo(RunViewModel.State.SUCCEEDED);
            assertThat(run.log()).contains("started by the schedule");
            assertThat(catalog.points().list("tool")).hasSize(1);
            assertThat(app.runs().finishedProperty().get()).isEqualTo(1);

            scheduler.checkNow();
            assertThat(catalog.points().list("tool")).as("caught up once, not once per missed slot").hasSize(1);
        }
    }

    @Test
    void aPausedJobIsNotStartedByTheAppUntilItIsResumed(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString()).requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local", "--schedule", "hourly").requireOk();
        cli.run("job", "pause", "tool").requireOk();

        MamoriHome home = new MamoriHome(cli.home());
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(3)), ZoneOffset.UTC);
        try (Catalog catalog = Catalog.open(home.catalogFile(), later)) {
            AppContext app = new AppContext(Services.over(home, catalog, new JschConnector(home.knownHostsFile(), null),
                    later), UiExecutor.direct(), new I18n(Locale.ENGLISH));
            AppScheduler scheduler = new AppScheduler(app, ZoneOffset.UTC);

            scheduler.checkNow();
            assertThat(app.runs().byJob()).as("a paused job is left alone").doesNotContainKey("tool");
            assertThat(catalog.points().list("tool")).isEmpty();

            app.services().jobs().resume("tool", ZoneOffset.UTC);
            scheduler.checkNow();
            assertThat(catalog.points().list("tool")).as("the slots passed while paused: one run").hasSize(1);
        }
    }
}
