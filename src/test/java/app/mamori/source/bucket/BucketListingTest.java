package app.mamori.source.bucket;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketListingTest {
    private static final Instant T1 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:00:00Z");

    private static BucketListing.Listed o(String key, Instant t) {
        return new BucketListing.Listed(key, 1, "\"e\"", t);
    }

    @Test
    void everyFolderComesBeforeWhatItHoldsAndCarriesItsNewestObjectsTime() throws IOException {
        // S3 lists in byte order: "a-b" sorts before "a/" but must not come between a folder and its objects
        List<BucketListing.Planned> plan = BucketListing.plan("b", "", List.of(o("a-b", T1), o("a/x", T1),
                o("a/y/z", T2), o("c/", T1)));

        assertThat(plan).extracting(p -> p.path().toString())
                .containsExactly("/", "/a", "/a/x", "/a/y", "/a/y/z", "/a-b", "/c");
        assertThat(plan).filteredOn(p -> p.path().toString().equals("/a")).singleElement()
                .satisfies(p -> assertThat(p.modified()).isEqualTo(T2));
        assertThat(plan).filteredOn(p -> p.path().toString().equals("/c")).singleElement()
                .satisfies(p -> assertThat(p.folder()).isTrue());
        assertThat(plan.get(0).stored()).isEmpty();
    }

    @Test
    void aPrefixIsTheRootAndItsOwnFolderMarkerIsNotAnObject() throws IOException {
        List<BucketListing.Planned> plan = BucketListing.plan("b", "photos/2026/", List.of(o("photos/2026/", T1),
                o("photos/2026/a.jpg", T1)));

        assertThat(plan).extracting(p -> p.path().toString()).containsExactly("/photos/2026", "/photos/2026/a.jpg");
        assertThat(plan).extracting(BucketListing.Planned::stored).containsExactly("photos/2026", "photos/2026/a.jpg");
    }

    @Test
    void keysThatCouldLeadOutOfTheSnapshotAreRefusedNamingTheKey() {
        for (String key : List.of("../x", "/abs", "a/../../x", "a//b", "./a", "a/.", "x\u0000y")) {
            assertThatThrownBy(() -> BucketListing.plan("evil", "", List.of(o("fine", T1), o(key, T1))))
                    .as(key).isInstanceOf(IOException.class)
                    .hasMessageContaining("bucket evil holds an object named '" + ObjectKeys.printable(key) + "'")
                    .hasMessageContaining("Nothing was stored");
        }
    }

    @Test
    void aBackslashIsOneCharacterOfAKeyStoredAsOneNameEscapedWhereItWouldBeASeparator() throws IOException {
        List<BucketListing.Planned> plan = BucketListing.plan("b", "", List.of(o("a\\b.txt", T1), o("..\\up/x", T1)));

        assertThat(plan).extracting(p -> p.path().toString()).containsExactly("/", "/..\\up", "/..\\up/x", "/a\\b.txt");
        boolean windows = java.io.File.separatorChar == '\\';
        assertThat(plan.get(1).stored()).isEqualTo(windows ? "%raw%..%5Cup" : "..\\up");
        assertThat(plan.get(3).stored()).isEqualTo(windows ? "%raw%a%5Cb.txt" : "a\\b.txt");
        assertThat(ObjectKeys.key(plan.get(3).path())).isEqualTo("a\\b.txt");
    }

    @Test
    void aNameThatIsBothAnObjectAndAFolderIsRefused() {
        assertThatThrownBy(() -> BucketListing.plan("b", "", List.of(o("a", T1), o("a/b", T1))))
                .isInstanceOf(IOException.class).hasMessageContaining("holds object 'a' and also objects below 'a/'");
    }

    @Test
    void controlCharactersInAKeyCannotForgeLinesOfAMessage() {
        assertThat(ObjectKeys.printable("a\nERROR fake")).isEqualTo("a\\u000aERROR fake");
    }
}
