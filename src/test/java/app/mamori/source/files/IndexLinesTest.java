package app.mamori.source.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexLinesTest {

    @Test
    void everyFieldOfOddEntriesComesBackExactlyAndEachLineIsJson(@TempDir Path dir) throws Exception {
        RawPath odd = RawPath.ofBytes(new byte[]{'/', 'a', '\n', '"', '\\', (byte) 0xff, 0x01});
        List<IndexEntry> entries = List.of(
                new IndexEntry(RawPath.ofUtf8("/srv"), "srv", EntryType.DIRECTORY, 02755, 4096, -2, 999_999_999,
                        0, 0, "root", "staff", RawPath.ofLatin1(""), null, null),
                new IndexEntry(odd, "a\\n\"x\tcaf\u00e9 \ud83d\ude00 \u0001", EntryType.FILE, 0644, Long.MAX_VALUE,
                        1_700_000_000L, 5, 4_294_967_294L, 33, "\u5c71\u7530\"\\", "g\u00fcest\n", RawPath.ofLatin1(""),
                        "ab".repeat(32), "\"etag-1\""),
                new IndexEntry(RawPath.ofUtf8("/srv/l"), "srv/l", EntryType.SYMLINK, 0777, 3, 7, 0, 1, 1, null, "x",
                        RawPath.ofBytes(new byte[]{'.', '.', '/', (byte) 0xfe}), null, null));

        SnapshotIndex.write(dir, List.of("/srv", "/caf\u00e9"), entries);
        SnapshotIndex back = SnapshotIndex.read(dir);

        assertThat(back.entries()).containsExactlyElementsOf(entries);
        assertThat(back.roots()).containsExactly("/srv", "/caf\u00e9");
        String text;
        try (var in = new ZstdInputStream(Files.newInputStream(dir.resolve(SnapshotIndex.FILE_NAME)))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).endsWith("}\n").contains("\"mode\":\"2755\"", "\"mode\":\"0644\"");
        ObjectMapper json = new ObjectMapper();
        for (String line : text.strip().split("\n")) {
            assertThat(json.readTree(line).isObject()).as(line).isTrue();
        }
    }
}
