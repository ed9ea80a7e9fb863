package app.mamori.ui.jobs;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.Verification;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.Objectives;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.service.Services;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobRecoveryViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void theJobsObjectivesAndTheRestoreTimeOfItsNewestDrilledPointsShowNewestFirst(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("catalog.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
            c.sources().add(new Source.Sqlite("a", "web", "/srv/a.db"));
            c.sources().add(new Source.Sqlite("b", "web", "/srv/b.db"));
            c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
            c.jobs().add(new Job("blog", List.of("a", "b"), "nas"));
            for (int day = 3; day >= 1; day--) {
                long run = c.runs().start("blog", 1);
                c.runs().finish(run, RunStatus.SUCCEEDED, null, null);
                Instant t = NOW.minus(Duration.ofDays(day));
                String id = "blog/2026112" + (4 - day) + "T120000Z";
                c.points().record(new RestorePoint(id, "web", "blog", "nas", t, RunStatus.SUCCEEDED, id, List.of(
                        new Artifact("a", SourceKind.SQLITE, "a.sqlite.zst", 100, "ab".repeat(32)),
                        new Artifact("b", SourceKind.SQLITE, "b.sqlite.zst", 100, "cd".repeat(32)))),
                        run, PointKind.NORMAL);
                for (String source : List.of("a", "b")) {
                    c.verifications().record(new Verification(id, source, "blog", t.plusSeconds(60),
                            Verification.Method.DRILL, Verification.Result.VERIFIED, "ok", Duration.ofSeconds(2),
                            Optional.of(Duration.ofMillis(1000L * day))));
                }
            }
            c.objectives().set("blog", new Objectives(Optional.of(Duration.ofHours(12)),
                    Optional.of(Duration.ofHours(1))));
            AppContext app = new AppContext(Services.over(new MamoriHome(tmp), c, null,
                    Clock.fixed(NOW, ZoneOffset.UTC)), UiExecutor.direct(), new I18n(Locale.ENGLISH));
            JobRecoveryViewModel vm = new JobRecoveryViewModel(app, ZoneOffset.UTC);

            vm.load("blog");

            assertThat(vm.textProperty().get()).isEqualTo("RPO 12h: BREACHED by 12h\n"
                    + "RTO 1h: met, 59m to spare\n"
                    + "Restore time of the newest drills (RTO trend): 2026-11-23 2.0 s, 2026-11-22 4.0 s,"
                    + " 2026-11-21 6.0 s");
        }
    }
}
