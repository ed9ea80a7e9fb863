package app.mamori.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a find pattern matches: a name, a whole path from the root, or a path's end. */
class PathPatternTest {

    @Test
    void aPatternWithoutSlashMatchesTheNameOnly() {
        PathPattern p = PathPattern.of("*.php");

        assertThat(p.matches("/srv/www/index.php")).isTrue();
        assertThat(p.matches("/srv/www.php/readme")).isFalse();
        assertThat(PathPattern.of("wp-config.php").matches("/srv/www/wp-config.php")).isTrue();
        assertThat(PathPattern.of("wp-config.php").matches("/srv/www/wp-config.php.bak")).isFalse();
        assertThat(PathPattern.of("?.txt").matches("/a/\u65e5.txt")).as("? is one character, not one byte").isTrue();
    }

    @Test
    void aPatternFromTheRootMatchesTheWholePathAndStarStaysWithinAName() {
        PathPattern p = PathPattern.of("/srv/www/*.php");

        assertThat(p.matches("/srv/www/index.php")).isTrue();
        assertThat(p.matches("/srv/www/admin/index.php")).isFalse();
        assertThat(PathPattern.of("/srv/**.php").matches("/srv/www/admin/index.php")).isTrue();
        assertThat(new String(p.lowerBound(), StandardCharsets.UTF_8)).isEqualTo("/srv/www/");
        assertThat(new String(p.upperBound(), StandardCharsets.UTF_8)).isEqualTo("/srv/www0");
    }

    @Test
    void aRelativePathPatternMatchesTheEndOfAPathAtANameBoundary() {
        PathPattern p = PathPattern.of("uploads/*.jpg");

        assertThat(p.matches("/srv/www/uploads/a.jpg")).isTrue();
        assertThat(p.matches("/srv/www/my-uploads/a.jpg")).isFalse();
        assertThat(p.lowerBound()).isEmpty();
        assertThat(p.upperBound()).isNull();
    }

    @Test
    void regexCharactersInAPatternAreLiteral() {
        assertThat(PathPattern.of("a+b (1).txt").matches("/x/a+b (1).txt")).isTrue();
        assertThat(PathPattern.of("a+b (1).txt").matches("/x/aab (1)xtxt")).isFalse();
    }

    @Test
    void anEmptyPatternIsRefusedSayingWhatToGive() {
        assertThatThrownBy(() -> PathPattern.of(" ")).hasMessageContaining("PATTERN");
    }
}
