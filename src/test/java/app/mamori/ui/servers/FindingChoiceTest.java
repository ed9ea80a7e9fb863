package app.mamori.ui.servers;

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
}
