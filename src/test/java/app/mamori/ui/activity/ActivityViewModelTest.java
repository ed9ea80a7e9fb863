package app.mamori.ui.activity;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Job;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.service.Services;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Activity page's details pane for a failed run, in Japanese: no English Mamori wrote itself. */
class ActivityViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");
    private static final I18n JA = new I18n(Locale.JAPANESE);

    @Test
    void aFailedOrInterruptedRunsDetailsAreInJapaneseAndTheStackTraceStaysInTheLog(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("catalog.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
            c.sources().add(new Source.Sqlite("blog-db", "web", "/srv/blog.db"));
            c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
            c.jobs().add(new Job("blog", java.util.List.of("blog-db"), "nas"));
            long failed = c.runs().start("blog", 1);
            c.runs().finish(failed, RunStatus.FAILED, "job blog on server web: job blog is already running",
                    "app.mamori.engine.JobBusyException: job blog is already running\n\tat app.mamori.engine.X.y(X.java:1)");
            long gone = c.runs().start("blog", Integer.MAX_VALUE - 1);
            c.runs().markInterruptedRuns();
            AppContext app = new AppContext(Services.over(new MamoriHome(tmp), c, null, Clock.fixed(NOW,
                    ZoneOffset.UTC)), UiExecutor.direct(), JA);
            ActivityViewModel vm = new ActivityViewModel(app, new Format(JA, ZoneOffset.UTC));

            String onServer = vm.details(Event.at(NOW, EventLevel.ERROR, "run-failed", "job blog on server web: job"
                    + " blog is already running").withPhrase("runFailedOnServer", "blog", "web", "jobBusy", "blog")
                    .withJob("blog").withRun(failed));
            String interrupted = vm.details(Event.at(NOW, EventLevel.ERROR, "run-interrupted", "backup of job blog"
                    + " (run " + gone + ") was interrupted").withPhrase("runInterrupted", "blog", gone).withJob("blog")
                    .withRun(gone));

            assertThat(onServer).contains("エラー").contains("ジョブ blog はすでに実行中です").contains("Mamori のログ")
                    .doesNotContain("run-failed").doesNotContain("\tat ").doesNotContain("already running");
            assertThat(interrupted).contains("実行中に Mamori が止まりました").contains(Long.toString(Integer.MAX_VALUE - 1))
                    .doesNotContain("no longer exists").doesNotContain("run-interrupted");
        }
    }
}
