package app.mamori.ui.jobs;

import app.mamori.service.Services;
import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
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

class JobEditorViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static JobEditorViewModel editor(Path tmp, Catalog catalog) {
        return editor(tmp, catalog, Locale.ENGLISH);
    }

    private static JobEditorViewModel editor(Path tmp, Catalog catalog, Locale language) {
        AppContext app = new AppContext(Services.over(new MamoriHome(tmp), catalog, null, Clock.fixed(NOW, ZoneOffset.UTC)), UiExecutor.direct(), new I18n(language));
        return new JobEditorViewModel(app, "blog", ZoneOffset.UTC);
    }

    private static Catalog catalog(Path tmp) {
        Catalog c = Catalog.open(tmp.resolve("catalog.db"), Clock.fixed(NOW, ZoneOffset.UTC));
        c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
        c.sources().add(new Source.Sqlite("blog-db", "web", "/srv/blog.db"));
        c.sources().add(new Source.Files("uploads", "web", List.of("/srv/uploads"), List.of()));
        c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
        c.jobs().add(new Job("blog", List.of("blog-db"), "nas"));
        for (int day = 10; day >= 1; day--) {
            long run = c.runs().start("blog", 1);
            c.runs().finish(run, RunStatus.SUCCEEDED, null, null);
            Instant t = NOW.minus(Duration.ofDays(day));
            String id = "blog/" + t.toString().replaceAll("[-:]", "").replace(".000", "");
            c.points().record(new RestorePoint(id, "web", "blog", "nas", t, RunStatus.SUCCEEDED, id, List.of(
                    new Artifact("blog-db", SourceKind.SQLITE, "blog-db.sqlite.zst", 100, "ab".repeat(32)))),
                    run, PointKind.NORMAL);
        }
        return c;
    }

    @Test
    void theScheduleIsReadBackInPlainWordsAsTypedAndAWrongOneIsNamed(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            JobEditorViewModel vm = editor(tmp, c);
            vm.schedule.set("daily 02:30");
            assertThat(vm.scheduleWords.get()).startsWith("every day at 02:30");
            assertThat(vm.valid().get()).isTrue();
            vm.schedule.set("daily 25:00");
            assertThat(vm.scheduleError.get()).isNotEmpty();
            assertThat(vm.valid().get()).isFalse();
        }
    }

    /** The editor in Japanese names kinds, the schedule and why a point is kept in Japanese (issue 13). */
    @Test
    void inJapaneseSourcesScheduleAndPreviewSayNoEnglishWord(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            JobEditorViewModel vm = editor(tmp, c, Locale.JAPANESE);
            vm.schedule.set("daily 02:30");
            vm.keep.get(2).set("3");

            assertThat(vm.sources).extracting(Object::toString).containsExactly("blog-db (SQLite)", "uploads (フォルダー)");
            assertThat(vm.scheduleWords.get()).isEqualTo("毎日 02:30 (次回 2026-11-25 02:30)");
            assertThat(vm.preview).filteredOn(l -> l.startsWith("保持")).hasSize(3)
                    .allMatch(l -> l.contains("(毎日 2026-11-"));
            assertThat(vm.preview).filteredOn(l -> l.startsWith("削除")).hasSize(7);
            assertThat(String.join("\n", vm.preview).replaceAll("blog/\\w+", ""))
                    .doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void thePreviewShowsWhatAPolicyWouldKeepWithItsReasonAndRemoveBeforeItIsSaved(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            JobEditorViewModel vm = editor(tmp, c);
            assertThat(vm.preview).containsExactly("no policy: every point is kept");

            vm.keep.get(2).set("3");

            assertThat(vm.preview).filteredOn(l -> l.startsWith("keep")).hasSize(3).allMatch(l -> l.contains("daily"));
            assertThat(vm.preview).filteredOn(l -> l.startsWith("remove")).hasSize(7);
            assertThat(c.retention().get("blog").daily()).as("nothing saved yet").isZero();
            assertThat(c.points().list("blog")).hasSize(10);
        }
    }

    @Test
    void saveStoresSourcesScheduleAndPolicy(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            JobEditorViewModel vm = editor(tmp, c);
            vm.sources.forEach(s -> s.chosen().set(true));
            vm.schedule.set("weekly mon 03:00");
            vm.keep.get(3).set("8");
            vm.keep.get(0).set("x");
            assertThat(vm.keepError.get()).isEqualTo("each keep count is a whole number, 0 for none");
            vm.keep.get(0).set("2");

            boolean[] saved = {false};
            vm.save(ok -> saved[0] = ok);
            assertThat(saved[0]).isTrue();

            assertThat(c.jobs().get("blog").sources()).containsExactlyInAnyOrder("blog-db", "uploads");
            assertThat(c.schedules().find("blog").orElseThrow().expression()).isEqualTo("weekly mon 03:00");
            assertThat(c.retention().get("blog").weekly()).isEqualTo(8);
            assertThat(c.retention().get("blog").last()).isEqualTo(2);
        }
    }

    @Test
    void objectivesAreShownAsStoredAWrongOneIsNamedAndSavedOnesReachTheCatalogue(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            c.objectives().set("blog", new app.mamori.model.Objectives(Optional.of(Duration.ofHours(24)),
                    Optional.empty()));
            JobEditorViewModel vm = editor(tmp, c);
            assertThat(vm.rpo.get()).isEqualTo("1d");
            assertThat(vm.rto.get()).isEmpty();

            vm.rto.set("4 hours");
            assertThat(vm.objectivesError.get()).contains("RTO: \u201c4 hours\u201d is not a duration");
            assertThat(vm.valid().get()).isFalse();

            vm.rto.set("4h");
            vm.rpo.set("");
            assertThat(vm.valid().get()).isTrue();
            boolean[] saved = {false};
            vm.sources.get(0).chosen().set(true);
            vm.save(ok -> saved[0] = ok);

            assertThat(saved[0]).isTrue();
            assertThat(c.objectives().get("blog")).isEqualTo(new app.mamori.model.Objectives(Optional.empty(),
                    Optional.of(Duration.ofHours(4))));
        }
    }

    /** job set --drill has its place in the app: the editor reads, checks and saves the drill schedule. */
    @Test
    void theDrillScheduleIsShownAsStoredAWrongOneIsNamedAndAChangeOrAClearingIsSaved(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            c.drills().set("blog", "monthly");
            JobEditorViewModel vm = editor(tmp, c);
            assertThat(vm.drill.get()).isEqualTo("monthly");

            vm.drill.set("every full moon");
            assertThat(vm.drillError.get()).contains("every full moon");
            assertThat(vm.valid().get()).isFalse();

            vm.drill.set("quarterly");
            assertThat(vm.drillError.get()).isEmpty();
            assertThat(vm.drillWords.get()).contains("next");
            vm.sources.get(0).chosen().set(true);
            vm.save(ok -> assertThat(ok).isTrue());
            assertThat(c.drills().find("blog")).map(d -> d.expression()).contains("quarterly");

            JobEditorViewModel again = editor(tmp, c);
            again.drill.set("");
            again.sources.get(0).chosen().set(true);
            again.save(ok -> assertThat(ok).isTrue());
            assertThat(c.drills().find("blog")).isEmpty();
        }
    }

    /** job set --stall-timeout has its place in the app too. */
    @Test
    void theStallLimitIsShownAsStoredAWrongOneIsNamedAndEmptyGoesBackToTheDefault(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            c.stalls().set("blog", Optional.of(Duration.ofHours(2)));
            JobEditorViewModel vm = editor(tmp, c);
            assertThat(vm.stall.get()).isEqualTo("2h");

            vm.stall.set("forever");
            assertThat(vm.stallError.get()).contains("forever");
            assertThat(vm.valid().get()).isFalse();

            vm.stall.set("45m");
            vm.sources.get(0).chosen().set(true);
            vm.save(ok -> assertThat(ok).isTrue());
            assertThat(c.stalls().find("blog")).contains(Duration.ofMinutes(45));

            JobEditorViewModel again = editor(tmp, c);
            again.stall.set("");
            again.sources.get(0).chosen().set(true);
            again.save(ok -> assertThat(ok).isTrue());
            assertThat(c.stalls().find("blog")).isEmpty();
            assertThat(c.stalls().get("blog")).isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void aWrongObjectiveIsNamedInJapaneseWithoutTheCommandLinesEnglish(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            JobEditorViewModel vm = editor(tmp, c, Locale.JAPANESE);
            vm.rpo.set("soon");
            assertThat(vm.objectivesError.get()).isEqualTo("RPO (目標復旧時点): 「soon」は期間として読めません。"
                    + "30m、4h、24h、7d、1h30m のように入力するか、目標を設けない場合は空欄にしてください");
            assertThat(vm.valid().get()).isFalse();
        }
    }

    /** A schedule or keep count the model refuses is said in Japanese, without the CLI's --schedule (issue 13). */
    @Test
    void aWrongScheduleOrKeepCountIsSaidInJapanese(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            JobEditorViewModel vm = editor(tmp, c, Locale.JAPANESE);
            vm.schedule.set("weekly xyz 02:30");
            assertThat(vm.scheduleError.get()).isEqualTo("「xyz」は曜日ではありません。mon、tue、wed、thu、fri、sat、sun の"
                    + "どれかを書いてください");
            vm.schedule.set("30 25 * * *");
            assertThat(vm.scheduleError.get()).isEqualTo("「25」（cron 式の 2 番目の欄）: 使える値は 0-23 です");
            vm.schedule.set("daily 02:30");
            assertThat(vm.scheduleError.get()).isEmpty();

            vm.keep.get(2).set("-1");
            assertThat(vm.keepError.get()).isEqualTo("-1 は負の数です。0 以上を入力してください（0 でその規則は無効になります）");
            assertThat(vm.valid().get()).isFalse();
        }
    }
}
