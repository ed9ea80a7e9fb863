package app.mamori.source.files;

import app.mamori.ssh.ShellQuote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both vault kinds must leave out the same paths: a find pruned by {@link ExcludeRules} and an
 * rsync with {@link RsyncExcludes} are run on one tree and must keep the same set of paths.
 */
class RsyncExcludesTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void createTree() throws IOException {
        root = Files.createDirectory(tmp.resolve("root [1]"));
        HostileTree.sh("""
                set -e
                cd "$1"
                mkdir -p node_modules/pkg sub/node_modules cache sub/cache-not build deep/build logs/2026/old \\
                    'a/b' ab 'sp ace/x' .hidden/in sub/deeper
                for f in node_modules/pkg/index.js sub/node_modules/x app.log sub/deeper/x.log cache/blob sub/cache \\
                    build/out deep/build/kept logs/a.gz logs/2026/b.gz logs/2026/old/c.gz logs/keep.txt a/b/f \\
                    'a/b c' ab/f 'sp ace/x/y.tmp' .hidden/in/z '-dash' 'star*' 'q?' 'back\\slash' 'br[x]' \\
                    keep.txt sub/keep.txt axb "$(printf 'caf\\351.log')" "$(printf 'new\\nline.tmp')"; do
                    printf x > "$f"
                done
                """, root.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "node_modules", "*.log", "cache/", "/build", "logs/*.gz", "/logs/2026/", "a?b", "/a?b", "/a?b?c",
            "sp ace", "*.tmp", ".hidden", "-dash", "star\\*", "q\\?", "back\\\\slash", "br\\[x]", "[ab]x[b]",
            "/sub/*/x.log", "/*.txt", "*", "/ab/", "deep/build", "sub/cache", "  keep.txt  ", "café.log"})
    void rsyncKeepsExactlyWhatFindKeeps(String exclude) throws IOException {
        List<String> excludes = List.of(exclude);

        Set<String> byFind = keptByFind(excludes);

        assertThat(keptByRsync(excludes)).as(exclude + " -> " + RsyncExcludes.patterns(excludes)).isEqualTo(byFind);
    }

    @Test
    void severalExcludesAndCommentsTogether() throws IOException {
        List<String> excludes = List.of("# a comment", "", "*.log", "cache/", "/build", "logs/*.gz", "node_modules");

        assertThat(keptByRsync(excludes)).isEqualTo(keptByFind(excludes)).contains("sub/cache", "logs/keep.txt")
                .doesNotContain("app.log", "cache", "logs/2026/b.gz");
    }

    @Test
    void patternsAreAnchoredToTheRootAndWidenStars() {
        assertThat(RsyncExcludes.patterns(List.of("/build", "logs/*.gz", "cache/", "a\\b", "/x?y")))
                .containsExactly("/build", "/logs/**.gz", "cache/", "ab", "/x?y", "/x/y");
    }

    @Test
    void refusesWhatExcludeRulesRefuses() {
        assertThatThrownBy(() -> RsyncExcludes.options(List.of("!keep"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RsyncExcludes.options(List.of("a/**/b"))).isInstanceOf(IllegalArgumentException.class);
    }

    private Set<String> keptByFind(List<String> excludes) throws IOException {
        List<String> words = new ArrayList<>(List.of("find", "-P", root.toString()));
        List<String> prune = ExcludeRules.parse(excludes).findPredicate(List.of(root.toString()));
        if (!prune.isEmpty()) {
            words.addAll(prune);
            words.addAll(List.of("-prune", "-o"));
        }
        words.addAll(List.of("-mindepth", "1", "-printf", "%P\\0"));
        return split(TreeFacts.run("LC_ALL=C " + ShellQuote.command(words)));
    }

    private Set<String> keptByRsync(List<String> excludes) throws IOException {
        Path dest = Files.createTempDirectory(tmp, "copy");
        List<String> words = new ArrayList<>(List.of("rsync", "-a"));
        words.addAll(RsyncExcludes.options(excludes));
        words.addAll(List.of(root + "/", dest + "/"));
        TreeFacts.run("LC_ALL=C " + ShellQuote.command(words));
        return split(TreeFacts.run(ShellQuote.command("find", dest.toString(), "-mindepth", "1", "-printf", "%P\\0")));
    }

    private static Set<String> split(String nulSeparated) {
        Set<String> out = new TreeSet<>();
        for (String s : nulSeparated.split("\0")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
