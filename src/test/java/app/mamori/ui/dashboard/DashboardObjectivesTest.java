package app.mamori.ui.dashboard;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.model.PointCopy;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.Job;
import app.mamori.model.Objectives;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.service.Services;
import app.mamori.ui.fx.I18n;
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

class DashboardObjectivesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aJobWhoseNewestPointIsOlderThanItsRpoShowsTheBreachAndTurnsRed(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("catalog.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
            c.sources().add(new Source.Sqlite("blog-db", "web", "/srv/blog.db"));
            c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
            c.jobs().add(new Job("blog", List.of("blog-db"), "nas"));
            c.jobs().add(new Job("calm", List.of("blog-db"), "nas"));
            long run = c.runs().start("blog", 1);
            c.runs().finish(run, RunStatus.SUCCEEDED, null, null);
            Instant t = NOW.minus(Duration.ofHours(30));
            c.points().record(new RestorePoint("blog/20261123T060000Z", "web", "blog", "nas", t, RunStatus.SUCCEEDED,
                    "blog/20261123T060000Z", List.of(new Artifact("blog-db", SourceKind.SQLITE, "blog-db.sqlite.zst",
                    100, "ab".repeat(32)))), run, PointKind.NORMAL);
            c.objectives().set("blog", new Objectives(Optional.of(Duration.ofHours(24)), Optional.empty()));
            Services services = Services.over(new MamoriHome(tmp), c, null, Clock.fixed(NOW, ZoneOffset.UTC));

            List<JobRow> rows = DashboardViewModel.load(services, ZoneOffset.UTC, new I18n(Locale.ENGLISH)).rows();

            JobRow blog = rows.stream().filter(r -> r.job().equals("blog")).findFirst().orElseThrow();
            assertThat(blog.breaches()).containsExactly("RPO 1d: 6h over, since 2026-11-24 06:00");
            assertThat(blog.health()).isEqualTo(Health.RED);
            JobRow calm = rows.stream().filter(r -> r.job().equals("calm")).findFirst().orElseThrow();
            assertThat(calm.breaches()).isEmpty();
        }
    }

    @Test
    void aJobWhoseNewestCopiedPointIsOlderThanItsRpoShowsAnOffsiteBreachThoughItsLocalPointIsFresh(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("catalog.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
            c.sources().add(new Source.Sqlite("blog-db", "web", "/srv/blog.db"));
            c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
            c.jobs().add(new Job("blog", List.of("blog-db"), "nas"));
            c.copies().addVault(new ObjectVault("offsite", "office-backups", "", Optional.empty(), "eu-central-1",
                    false, "AKIA", true));
            c.copies().setCopy(new CopySettings("blog", "offsite", RetentionPolicy.KEEP_ALL));
            RestorePoint old = point(c, "20261122T200000Z", NOW.minus(Duration.ofHours(40)));
            point(c, "20261124T110000Z", NOW.minus(Duration.ofHours(1)));
            c.copies().recordCopy(old, "offsite", PointCopy.Status.COPIED, NOW.minus(Duration.ofHours(39)), null);
            c.objectives().set("blog", new Objectives(Optional.of(Duration.ofHours(24)), Optional.empty()));
            Services services = Services.over(new MamoriHome(tmp), c, null, Clock.fixed(NOW, ZoneOffset.UTC));

            JobRow blog = DashboardViewModel.load(services, ZoneOffset.UTC, new I18n(Locale.ENGLISH)).rows().get(0);

            assertThat(blog.breaches()).containsExactly("offsite RPO 1d: 16h over, since 2026-11-23 20:00");
            assertThat(DashboardViewModel.load(services, ZoneOffset.UTC, new I18n(Locale.JAPANESE)).rows().get(0)
                    .breaches()).as("in the app's language").containsExactly(
                    "オフサイトの RPO (目標復旧時点) 1d を 16h 超過 (2026-11-23 20:00 から)");
            assertThat(blog.health()).isEqualTo(Health.RED);
        }
    }

    private static RestorePoint point(Catalog c, String id, Instant t) {
        long run = c.runs().start("blog", 1);
        c.runs().finish(run, RunStatus.SUCCEEDED, null, null);
        RestorePoint p = new RestorePoint("blog/" + id, "web", "blog", "nas", t, RunStatus.SUCCEEDED, "blog/" + id,
                List.of(new Artifact("blog-db", SourceKind.SQLITE, "blog-db.sqlite.zst", 100, "ab".repeat(32))));
        c.points().record(p, run, PointKind.NORMAL);
        return p;
    }
}
