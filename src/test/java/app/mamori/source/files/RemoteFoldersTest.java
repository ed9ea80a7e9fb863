package app.mamori.source.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteFoldersTest {

    private static byte[] records(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            out.writeBytes(p.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    @Test
    void namesComeSortedWithTheSizesDuFoundAndAFolderDuDidNotReachHasNone() {
        byte[] out = records("www", "Backups", "", "12\t/srv/www", "not a size");

        RemoteFolders.Listing l = RemoteFolders.parse("/srv", out);

        assertThat(l.folders()).extracting(RemoteFolders.Folder::name).containsExactly("Backups", "www");
        assertThat(l.folders()).extracting(RemoteFolders.Folder::path).containsExactly("/srv/Backups", "/srv/www");
        assertThat(l.folders().get(1).sizeKiB()).hasValue(12);
        assertThat(l.folders().get(0).sizeKiB()).isEmpty();
    }

    @Test
    void aNameWithALineBreakOrNotInUtf8IsLeftOutAndCounted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(records("ok", "two\nlines"));
        out.writeBytes(new byte[]{'b', (byte) 0xff, 0, 0});

        RemoteFolders.Listing l = RemoteFolders.parse("/", out.toByteArray());

        assertThat(l.folders()).extracting(RemoteFolders.Folder::path).containsExactly("/ok");
        assertThat(l.leftOut()).isEqualTo(2);
    }

    @Test
    void theFolderIsQuotedInTheCommandAndRelativeOrDotDotPathsAreRefused() {
        assertThat(RemoteFolders.script("/srv/a'b $(x)")).contains("find '/srv/a'\\''b $(x)' -mindepth 1")
                .doesNotContain("find /srv/a'b");
        assertThatThrownBy(() -> RemoteFolders.requireFolder("srv")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> RemoteFolders.requireFolder("/srv/../etc")).hasMessageContaining("'..'");
        assertThat(RemoteFolders.parent("/srv/www")).isEqualTo("/srv");
        assertThat(RemoteFolders.parent("/srv")).isEqualTo("/");
        assertThat(RemoteFolders.parent("/")).isEqualTo("/");
    }
}
