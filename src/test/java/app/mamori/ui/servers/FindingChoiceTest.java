package app.mamori.ui.servers;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.source.discover.Finding;
import app.mamori.ui.fx.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FindingChoiceTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);

    private static String ja(Finding f) {
        return new FindingChoice(f, false, JA).toString();
    }

    @Test
    void inJapaneseAFindingIsNamedFromItsSourceNotTheEnginesEnglish() {
        assertThat(ja(new Finding("folder /etc", "4.9 MiB", new Source.Files("etc", "web", List.of("/etc"),
                List.of())))).isEqualTo("フォルダー /etc (4.9 MiB)");
        assertThat(ja(new Finding("PostgreSQL database shop", "", new Source.Database("shop", "web",
                SourceKind.POSTGRES, "shop", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false)))).isEqualTo("PostgreSQL データベース shop");
        assertThat(ja(new Finding("SQLite file /srv/a.db", "", new Source.Sqlite("a", "web", "/srv/a.db"))))
                .isEqualTo("SQLite ファイル /srv/a.db");
        assertThat(ja(new Finding("Docker volume data", "", new Source.DockerVolume("data-volume", "web", "data"))))
                .isEqualTo("Docker ボリューム data");
    }

    @Test
    void inEnglishItReadsAsTheEngineSaysIt() {
        Finding folder = new Finding("folder /etc", "4.9 MiB", new Source.Files("etc", "web", List.of("/etc"),
                List.of()));
        assertThat(new FindingChoice(folder, false, new I18n(Locale.ENGLISH)).toString())
                .isEqualTo("folder /etc (4.9 MiB)");
    }

    @Test
    void aContainersImageAndAnUncountedSizeAreSaidInJapaneseWithoutCommandLineOptions() {
        Finding container = new Finding("PostgreSQL in container app-db", Note.of("containerImage",
                "image postgres:16; set the database to back up (--database)", "postgres:16", "postgres"),
                new Source.Database("app-db-db", "web", SourceKind.POSTGRES, "postgres", Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("app-db"), false));
        assertThat(ja(container)).contains("postgres:16").contains("データベース postgres").doesNotContain("--database")
                .doesNotContain("image");
        Finding big = new Finding("folder /srv", Note.of("sizeNotCounted", "size not counted (over 3 s)", 3),
                new Source.Files("srv", "web", List.of("/srv"), List.of()));
        assertThat(ja(big)).isEqualTo("フォルダー /srv (サイズ未集計: 3 秒以内に数え終わりませんでした)");
    }
}
