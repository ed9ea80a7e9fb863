package app.mamori.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcePathTest {

    @Test
    void dotDotInAFolderPathIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new Source.Files("up", "srv", List.of("/srv/../../tmp/x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--path")
                .hasMessageContaining("'..'").hasMessageContaining("realpath");
        assertThatThrownBy(() -> new Source.Sqlite("db", "srv", "/srv/./app.db"))
                .hasMessageContaining("'.'");
    }

    @Test
    void plainAbsolutePathsAndDotsInsideNamesAreAccepted() {
        Source.Files f = new Source.Files("up", "srv", List.of("/srv/uploads", "/home/a..b/.config"), List.of());
        assertThat(f.paths()).containsExactly("/srv/uploads", "/home/a..b/.config");
    }
}
