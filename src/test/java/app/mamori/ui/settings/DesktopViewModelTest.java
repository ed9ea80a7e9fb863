package app.mamori.ui.settings;

import app.mamori.catalog.Catalog;
import app.mamori.desktop.XdgAutostart;
import app.mamori.engine.MamoriHome;
import app.mamori.service.Services;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopViewModelTest {
    private static final List<String> COMMAND = List.of("/usr/bin/mamori");

    @Test
    void startWithSessionShowsTheAutostartFileAsItIsNotAsItWasLeft(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            XdgAutostart autostart = new XdgAutostart(tmp.resolve("config"), COMMAND);
            DesktopViewModel vm = new DesktopViewModel(app(tmp, catalog), autostart, true);
            assertThat(vm.startWithSessionProperty().get()).isFalse();

            vm.setStartWithSession(true);
            assertThat(autostart.file()).isRegularFile();
            assertThat(vm.startWithSessionProperty().get()).isTrue();

            Files.delete(autostart.file()); // the admin removed it by hand, or with the desktop's tools
            vm.refresh();
            assertThat(vm.startWithSessionProperty().get()).isFalse();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.messageProperty().get()).isEmpty();
        }
    }

    @Test
    void anEntryThatCannotBeWrittenIsSaidWithWhereAndTheOptionStaysOff(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            Path notAFolder = Files.writeString(tmp.resolve("config"), "a file where the folder should be");
            DesktopViewModel vm = new DesktopViewModel(app(tmp, catalog), new XdgAutostart(notAFolder, COMMAND), true);

            vm.setStartWithSession(true);

            assertThat(vm.startWithSessionProperty().get()).isFalse();
            assertThat(vm.messageProperty().get()).startsWith("Could not change the login start (")
                    .contains(notAFolder.resolve("autostart").toString());
        }
    }

    @Test
    void withoutATrayTheReasonSaysSoAndNamesTheOtherChannels(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = app(tmp, catalog);
            XdgAutostart autostart = new XdgAutostart(tmp, COMMAND);
            assertThat(new DesktopViewModel(app, autostart, true).noTrayReason()).isEmpty();
            assertThat(new DesktopViewModel(app, autostart, false).noTrayReason())
                    .contains("no system tray").contains("E-mail and webhook");
        }
    }

    private static AppContext app(Path tmp, Catalog catalog) {
        return new AppContext(Services.over(new MamoriHome(tmp), catalog, null, Clock.systemUTC()),
                UiExecutor.direct(), new I18n(Locale.ENGLISH));
    }
}
