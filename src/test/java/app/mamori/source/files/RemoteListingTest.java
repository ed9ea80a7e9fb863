package app.mamori.source.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteListingTest {

    private static byte[] record(String... fields) {
        var out = new ByteArrayOutputStream();
        for (String f : fields) {
            out.writeBytes(f.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        return out.toByteArray();
    }

    @Test
    void parsesEntriesSplitAcrossWritesWithExactBytesAndNanoseconds() throws IOException {
        byte[] stream = new ByteArrayOutputStream() {{
            writeBytes(record("f", "4755", "12", "1700000000.1234567890", "0", "10", "/srv",
                    "a\nb\u00ff", ""));
            writeBytes(record("l", "777", "3", "-1.2500000000", "1", "1", "/", "etc/x", "../\u00fe"));
            writeBytes(record("d", "700", "4096", "5", "1", "1", "/srv", "", ""));
        }}.toByteArray();
        List<ListedEntry> got = new ArrayList<>();
        var parser = new RemoteListing.Parser(got::add);
        for (byte b : stream) {
            parser.write(new byte[]{b}, 0, 1);
        }
        parser.finish();

        assertThat(got).hasSize(3);
        ListedEntry f = got.get(0);
        assertThat(f.type()).isEqualTo(EntryType.FILE);
        assertThat(f.mode()).isEqualTo(04755);
        assertThat(f.gid()).isEqualTo(10);
        assertThat(f.mtimeSeconds()).isEqualTo(1_700_000_000L);
        assertThat(f.mtimeNanos()).isEqualTo(123_456_789);
        assertThat(f.path().bytes()).isEqualTo(new byte[]{'/', 's', 'r', 'v', '/', 'a', '\n', 'b', (byte) 0xff});
        ListedEntry l = got.get(1);
        assertThat(l.path().latin1()).isEqualTo("/etc/x");
        assertThat(l.linkTarget().bytes()).isEqualTo(new byte[]{'.', '.', '/', (byte) 0xfe});
        assertThat(l.mtimeSeconds()).isEqualTo(-2);
        assertThat(l.mtimeNanos()).isEqualTo(750_000_000);
        assertThat(got.get(2).path().latin1()).isEqualTo("/srv");
    }

    @Test
    void timesRoundDownToTheNanosecondOnBothSidesOfTheEpochAndBadNumbersAreRefused() throws IOException {
        List<ListedEntry> got = new ArrayList<>();
        var parser = new RemoteListing.Parser(got::add);
        parser.write(record("f", "644", "0", "-1.0000000001", "0", "0", "/", "a", ""));
        parser.write(record("f", "644", "9223372036854775807", "7", "0", "0", "/", "b", ""));
        parser.write(record("f", "644", "0", "-3", "0", "0", "/", "c", ""));
        assertThat(got).extracting(ListedEntry::mtimeSeconds).containsExactly(-2L, 7L, -3L);
        assertThat(got).extracting(ListedEntry::mtimeNanos).containsExactly(999_999_999, 0, 0);
        assertThat(got.get(1).size()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> parser.write(record("f", "648", "0", "1.5", "0", "0", "/", "bad\u00ff", "")))
                .hasMessageContaining("unreadable entry").hasMessageContaining("bad");
    }

    @Test
    void ownerNamesComeFromOneGetentAnswerAndFallBackToNumbers() {
        OwnerNames names = OwnerNames.parse("root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33::/var/www:/bin/sh\n"
                + "--mamori-groups--\nstaff:x:50:\n");
        assertThat(names.user(33)).isEqualTo("www-data");
        assertThat(names.user(4242)).isEqualTo("4242");
        assertThat(names.group(50)).isEqualTo("staff");
        assertThat(names.group(0)).isEqualTo("0");
    }

    @Test
    void aListingCutInsideAnEntryIsAnError() throws IOException {
        var parser = new RemoteListing.Parser(e -> { });
        parser.write(record("f", "644", "1"));
        assertThatThrownBy(parser::finish).hasMessageContaining("ended in the middle");
    }

    @Test
    void commandQuotesRootsAndPutsPruneBeforePrintf() {
        String cmd = RemoteListing.command(List.of("/srv/it's here"), ExcludeRules.parse(List.of("*.log")));
        assertThat(cmd).startsWith("LC_ALL=C find -P '/srv/it'\\''s here' '(' '(' '(' -name '*.log' ')' ')'")
                .contains("-prune -o -printf");
    }
}
