package app.mamori.util;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    @Test
    void theLauncherScriptNamedInTheEnvironmentComesFirst() {
        assertThat(Launcher.command(Map.of("MAMORI_LAUNCHER", "/usr/bin/mamori"), "/opt/mamori/bin/mamori"))
                .containsExactly("/usr/bin/mamori");
    }

    @Test
    void theNativeLauncherOfAnAppImageComesNext() {
        assertThat(Launcher.command(Map.of(), "/opt/mamori/bin/mamori")).containsExactly("/opt/mamori/bin/mamori");
    }

    @Test
    void withNeitherThisJvmRunsMainOnItsClassPath() {
        List<String> words = Launcher.command(Map.of("MAMORI_LAUNCHER", " "), null);
        assertThat(words).hasSize(4).endsWith("-cp", System.getProperty("java.class.path"), "app.mamori.Main");
        assertThat(words.get(0)).contains("java");
    }
}
