package app.mamori;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppArgsTest {

    @Test
    void noArgumentsOrOnlyHomeAndLanguageInAnyOrderOpenTheApp() {
        assertThat(AppArgs.parse(new String[0])).contains(new AppArgs(Optional.empty(), Optional.empty()));
        assertThat(AppArgs.parse(new String[]{"--home", "/tmp/h"}))
                .contains(new AppArgs(Optional.of(Path.of("/tmp/h")), Optional.empty()));
        assertThat(AppArgs.parse(new String[]{"--lang", "ja", "--home", "/tmp/h"}))
                .contains(new AppArgs(Optional.of(Path.of("/tmp/h")), Optional.of("ja")));
        assertThat(AppArgs.parse(new String[]{"--lang", "en"})).contains(new AppArgs(Optional.empty(), Optional.of("en")));
    }

    @Test
    void aCommandAnUnknownLanguageOrARepeatedOptionIsACommandLineForTheCli() {
        assertThat(AppArgs.parse(new String[]{"status"})).isEmpty();
        assertThat(AppArgs.parse(new String[]{"--home", "/tmp/h", "status"})).isEmpty();
        assertThat(AppArgs.parse(new String[]{"--lang", "fr"})).isEmpty();
        assertThat(AppArgs.parse(new String[]{"--lang"})).isEmpty();
        assertThat(AppArgs.parse(new String[]{"--home", "a", "--home", "b"})).isEmpty();
        assertThat(AppArgs.parse(new String[]{"--version"})).isEmpty();
    }
}
