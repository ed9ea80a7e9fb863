package app.mamori.ui.restore.wizard;

import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.service.PointService;
import app.mamori.service.Services;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import app.mamori.ui.timeline.SyntheticHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's point step on a source of 600 daily backups, work on the calling thread: it lists
 * one page, and a backup far older than that page (the last good one before an incident long
 * ago, a click on the timeline) is still chosen, the list moving to the backups around it.
 */
class SourcePointListTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aBackupOlderThanTheListedPageIsChosenAndListedAmongItsNeighbours(@TempDir Path dir) throws Exception {
        SyntheticHistory.write(dir.resolve("catalog.db"), 1, 600, NOW, Duration.ofDays(1));
        try (Catalog catalog = Catalog.open(dir.resolve("catalog.db"))) {
            AppContext app = new AppContext(Services.over(new MamoriHome(dir), catalog, null,
                    Clock.fixed(NOW, ZoneOffset.UTC)), UiExecutor.direct(), new I18n(Locale.ENGLISH));
            RestoreWizardModel wizard = new RestoreWizardModel(app, new Format(app.text(), ZoneOffset.UTC), dir);
            wizard.load(java.util.Optional.empty());
            wizard.sourceProperty().set(wizard.sources().get(0));
            wizard.happenedProperty().set(Happened.DATABASE);
            assertThat(wizard.points()).hasSize(SourcePointList.PAGE);
            assertThat(id(wizard.points().get(0))).isEqualTo("job0/p599");
            wizard.next();
            // an hour after backup 100, 499 days back: 100 is unchecked, 99 a safety copy, 98 verified
            Instant p100 = NOW.minus(Duration.ofDays(499));
            wizard.wentWrongProperty().set(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                    .format(p100.plus(Duration.ofHours(1))));

            wizard.next();

            assertThat(id(wizard.pointProperty().get())).isEqualTo("job0/p98");
            assertThat(wizard.pointReasonProperty().get()).contains("(1 newer backup(s)");
            assertThat(wizard.points()).hasSize(SourcePointList.PAGE).contains(wizard.pointProperty().get());
            assertThat(wizard.pointList().atNewestProperty().get()).isFalse();
            assertThat(wizard.comparison().lines()).anyMatch(l -> l.contains("job0/p97"));

            wizard.choosePoint("job0/p3");

            assertThat(id(wizard.pointProperty().get())).isEqualTo("job0/p3");
            assertThat(wizard.points()).contains(wizard.pointProperty().get());
            wizard.pointList().showNewest();
            wizard.pointList().older();
            assertThat(wizard.points()).hasSize(2 * SourcePointList.PAGE);
            assertThat(id(wizard.points().get(2 * SourcePointList.PAGE - 1))).isEqualTo("job0/p200");
            assertThat(wizard.pointList().totalProperty().get()).isEqualTo(600);
        }
    }

    private static String id(PointService.OfSource p) {
        return p.point().id();
    }
}
