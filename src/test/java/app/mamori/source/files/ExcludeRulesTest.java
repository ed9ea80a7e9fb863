package app.mamori.source.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the globs mean is proven against a real find in FileTreeSnapshotterTest; these pin the translation. */
class ExcludeRulesTest {

    @Test
    void nameGlobsMatchAtAnyDepthAndTrailingSlashMeansDirectoriesOnly() {
        assertThat(ExcludeRules.parse(List.of("*.log", "cache/")).findPredicate(List.of("/srv")))
                .containsExactly("(", "(", "(", "-name", "*.log", ")", "-o", "(", "-name", "cache", "-type", "d", ")",
                        ")", "!", "-path", "/srv", ")");
    }

    @Test
    void globsWithASlashAreAnchoredToEveryRootWithTheRootEscaped() {
        assertThat(ExcludeRules.parse(List.of("/build")).findPredicate(List.of("/a[1]", "/b")))
                .containsSubsequence("-path", "/a\\[1\\]/build", "-o", "-path", "/b/build");
    }

    @Test
    void negationAndDoubleStarAreRefusedWithAReason() {
        assertThatThrownBy(() -> ExcludeRules.parse(List.of("!keep"))).hasMessageContaining("negation");
        assertThatThrownBy(() -> ExcludeRules.parse(List.of("a/**/b"))).hasMessageContaining("**");
        assertThatThrownBy(() -> ExcludeRules.parse(List.of("/"))).hasMessageContaining("everything");
    }

    @Test
    void blankLinesAndCommentsAreIgnored() {
        assertThat(ExcludeRules.parse(List.of("", "  ", "# note")).isEmpty()).isTrue();
        assertThat(ExcludeRules.parse(List.of()).findPredicate(List.of("/srv"))).isEmpty();
    }
}
