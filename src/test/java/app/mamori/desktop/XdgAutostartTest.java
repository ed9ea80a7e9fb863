package app.mamori.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XdgAutostartTest {
    private static final List<String> COMMAND = List.of("/usr/bin/mamori", "--home", "/home/admin/Mamori data");

    @Test
    void enablingWritesTheEntryUnderXdgConfigHomeWithTheLauncherInItsExecLine(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("config");
        XdgAutostart autostart = XdgAutostart.of(Map.of("XDG_CONFIG_HOME", config.toString()), tmp.resolve("home"),
                COMMAND);
        assertThat(autostart.enabled()).isFalse();

        autostart.enable();

        Path file = config.resolve("autostart/mamori.desktop");
        assertThat(autostart.file()).isEqualTo(file);
        assertThat(Files.readAllLines(file)).contains("[Desktop Entry]", "Type=Application",
                "Exec=/usr/bin/mamori --home \"/home/admin/Mamori data\"", "Hidden=false",
                "X-GNOME-Autostart-enabled=true");
        assertThat(autostart.enabled()).isTrue();
        assertThat(tmp.resolve("home/.config")).doesNotExist();
    }

    @Test
    void disablingRemovesTheEntryAndIsHarmlessWhenThereIsNone(@TempDir Path tmp) throws Exception {
        XdgAutostart autostart = new XdgAutostart(tmp, COMMAND);
        autostart.enable();

        autostart.disable();
        autostart.disable();

        assertThat(tmp.resolve("autostart/mamori.desktop")).doesNotExist();
        assertThat(autostart.enabled()).isFalse();
    }

    @Test
    void withoutXdgConfigHomeTheEntryGoesToDotConfigInTheHomeFolder(@TempDir Path tmp) throws Exception {
        XdgAutostart autostart = XdgAutostart.of(Map.of("XDG_CONFIG_HOME", "relative/is/ignored"), tmp, COMMAND);
        autostart.enable();
        assertThat(tmp.resolve(".config/autostart/mamori.desktop")).isRegularFile();
    }

    @Test
    void anEntryTheDesktopSwitchedOffCountsAsOff(@TempDir Path tmp) throws Exception {
        XdgAutostart autostart = new XdgAutostart(tmp, COMMAND);
        autostart.enable();
        Path file = autostart.file();
        Files.writeString(file, Files.readString(file).replace("X-GNOME-Autostart-enabled=true",
                "X-GNOME-Autostart-enabled=false"));
        assertThat(autostart.enabled()).isFalse();

        autostart.enable();
        assertThat(autostart.enabled()).as("enabling again rewrites it on").isTrue();
    }

    @Test
    void execQuotesAndEscapesWordsAsTheDesktopEntrySpecSays() {
        assertThat(XdgAutostart.exec(List.of("/opt/mamori/bin/mamori"))).isEqualTo("/opt/mamori/bin/mamori");
        // "$HOME" is quoted with \$ inside, and the string escaping doubles that backslash
        assertThat(XdgAutostart.exec(List.of("/a b/mamori", "$HOME", "100%")))
                .isEqualTo("\"/a b/mamori\" \"\\\\$HOME\" 100%%");
        assertThat(XdgAutostart.exec(List.of("say \"hi\""))).isEqualTo("\"say \\\\\"hi\\\\\"\"");
    }
}
