package app.mamori.source.files;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionTest {

    @Test
    void anIncludeTakesItsSubtreeAndTheFoldersAboveItButNotItsSiblings() {
        Predicate<RawPath> p = Selection.of(List.of("/srv/www/uploads/"));
        assertThat(p.test(RawPath.ofUtf8("/srv/www/uploads"))).isTrue();
        assertThat(p.test(RawPath.ofUtf8("/srv/www/uploads/2026/a.jpg"))).isTrue();
        assertThat(p.test(RawPath.ofUtf8("/srv/www"))).as("a folder above").isTrue();
        assertThat(p.test(RawPath.ofUtf8("/srv"))).isTrue();
        assertThat(p.test(RawPath.ofUtf8("/srv/www/uploads-old"))).as("a sibling with the same prefix").isFalse();
        assertThat(p.test(RawPath.ofUtf8("/srv/www/index.php"))).isFalse();
    }

    @Test
    void noIncludeTakesEverythingAndARelativeIncludeIsRefused() {
        assertThat(Selection.of(List.of()).test(RawPath.ofUtf8("/anything"))).isTrue();
        assertThatThrownBy(() -> Selection.of(List.of("uploads"))).hasMessageStartingWith("--include:");
    }

    @Test
    void namesThatAreNotUtf8MatchByTheirBytes() {
        RawPath raw = RawPath.ofLatin1("/srv/caf\u00e9");
        assertThat(Selection.of(List.of("/srv")).test(raw)).isTrue();
        assertThat(TreeTar.relative(raw)).isEqualTo("srv/caf\u00e9");
    }
}
