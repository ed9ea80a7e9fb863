package app.mamori.engine.verify;

import com.github.luben.zstd.ZstdOutputStream;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.I18n;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TreeComparisonTest {
    private static final I18n JA = new I18n(Locale.JAPANESE);

    @TempDir
    Path tmp;

    /** A volume's tar as the driver makes it: {@code ./} names, a folder, a symlink, two files. */
    private Path archive() throws Exception {
        Path file = tmp.resolve("appdata.tar.zst");
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.putArchiveEntry(new TarArchiveEntry("./"));
            tar.closeArchiveEntry();
            add(tar, "./a.txt", "hello");
            tar.putArchiveEntry(new TarArchiveEntry("./d/"));
            tar.closeArchiveEntry();
            add(tar, "./d/b.txt", "x");
            TarArchiveEntry link = new TarArchiveEntry("./link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("a.txt");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws Exception {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }

    /** What {@code find . -type f -exec sha256sum -z} prints in the restored volume. */
    private static byte[] hashes(String... nameAndContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8)));
            out.writeBytes((hex + "  ./" + nameAndContent[i] + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    @Test
    void aVolumeRestoredWithEveryFileAsArchivedPasses() throws Exception {
        Outcome o = TreeComparison.compareWithArchive(archive(), true, hashes("a.txt", "hello", "d/b.txt", "x"),
                new TreeComparison.Scratch(true, "v", "web"), Duration.ofMillis(1200));

        assertThat(o.ok()).as(o.detail().english()).isTrue();
        assertThat(o.detail().english()).contains("2 files (6 bytes)").contains("matched the archive");
    }

    @Test
    void aDifferentMissingOrExtraFileFailsByName() throws Exception {
        Outcome o = TreeComparison.compareWithArchive(archive(), true, hashes("a.txt", "HELLO", "extra.txt", "?"),
                new TreeComparison.Scratch(true, "v", "web"), Duration.ofMillis(1200));

        assertThat(o.ok()).isFalse();
        assertThat(o.detail().english()).contains("differs from the archive (2 files) in 3 places")
                .contains("different contents: a.txt")
                .contains("missing d/b.txt").contains("not in the backup: extra.txt");
    }

    /** The places a drilled tree differs, in Japanese: the paths as they are, the words around them keyed. */
    @Test
    void theFilesThatDifferAreListedInJapanese() throws Exception {
        Outcome o = TreeComparison.compareWithArchive(archive(), true, hashes("a.txt", "HELLO", "extra.txt", "?"),
                new TreeComparison.Scratch(true, "v", "web"), Duration.ofMillis(1200));

        assertThat(CheckWords.detail(JA, o.detail())).isEqualTo("復元リハーサル: サーバー web のボリューム v に 1.2 s で"
                + "復元しましたが、アーカイブ (ファイル 2 個) と 3 か所違います: a.txt の内容が違います、d/b.txt がありません、"
                + "extra.txt はバックアップにありません");
        assertThat(CheckWords.detail(new I18n(Locale.ENGLISH), o.detail()))
                .endsWith(": different contents: a.txt; missing d/b.txt; not in the backup: extra.txt");
    }
}
