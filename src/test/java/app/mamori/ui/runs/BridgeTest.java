package app.mamori.ui.runs;

import app.mamori.engine.BackupPlan;
import app.mamori.engine.SourceResult;
import app.mamori.model.Job;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Locale;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BridgeTest {

    @Test
    void aSourceEndsShowingEveryByteReceivedEvenWhenTheLastUpdateWasThrottled() {
        Source db = new Source.Sqlite("tooldb", "tools", "/srv/tool.db");
        BackupPlan.Step step = new BackupPlan.Step("tool", db, "sqlite backup of /srv/tool.db");
        BackupPlan plan = new BackupPlan(new Job("tool", List.of("tooldb"), "local"),
                new Server("tools", "h", 22, "u", Optional.empty(), Optional.empty()),
                new Vault("local", "/v", Optional.empty()), List.of(step));
        RunWords words = new RunWords(new I18n(Locale.ENGLISH), new Format(new I18n(Locale.ENGLISH), ZoneOffset.UTC));
        RunViewModel vm = new RunViewModel("tool", words);
        vm.planned(plan);
        Runs.Bridge bridge = new Runs.Bridge(vm, UiExecutor.direct(), words);

        bridge.sourceStarted(step);
        bridge.progress(step, 4096, -1, 1_000_000);
        bridge.progress(step, 75_000, -1, 2_000_000);
        assertThat(vm.source("tooldb").bytesProperty().get()).as("throttled").isEqualTo(4096);

        bridge.sourceFinished(new SourceResult("tooldb", null, "stopped for the test", ""));
        assertThat(vm.source("tooldb").bytesProperty().get()).isEqualTo(75_000);
    }
}
