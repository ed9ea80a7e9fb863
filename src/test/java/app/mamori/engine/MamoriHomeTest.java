package app.mamori.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MamoriHomeTest {
    private static final Path USER = Path.of("/home/ana");

    @Test
    void anExplicitFolderWinsOverTheEnvironment() {
        assertThat(MamoriHome.resolve(Path.of("/data/m"), Map.of("MAMORI_HOME", "/env/m")).dir()).isEqualTo(Path.of("/data/m"));
        assertThat(MamoriHome.resolve(null, Map.of("MAMORI_HOME", "/env/m")).dir()).isEqualTo(Path.of("/env/m"));
    }

    @Test
    void eachPlatformHasItsUsualPerUserDataFolder() {
        assertThat(MamoriHome.platformDefault("Linux", Map.of(), USER)).isEqualTo(Path.of("/home/ana/.local/share/mamori"));
        assertThat(MamoriHome.platformDefault("Linux", Map.of("XDG_DATA_HOME", "/x"), USER)).isEqualTo(Path.of("/x/mamori"));
        assertThat(MamoriHome.platformDefault("Mac OS X", Map.of(), USER))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Mamori"));
        assertThat(MamoriHome.platformDefault("Windows 11", Map.of("APPDATA", "/appdata"), USER))
                .isEqualTo(Path.of("/appdata/Mamori"));
    }
}
