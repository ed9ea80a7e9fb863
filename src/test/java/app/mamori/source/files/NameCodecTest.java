package app.mamori.source.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NameCodecTest {

    @Test
    void validUtf8NamesAreKeptAsTheyAre() {
        for (String name : new String[]{"plain.txt", "with space", "new\nline", "it's \"q\"", "😀 emoji", "-dash"}) {
            assertThat(NameCodec.encodeComponent(name.getBytes(StandardCharsets.UTF_8))).isEqualTo(name);
        }
    }

    @Test
    void invalidUtf8IsEscapedReadablyAndDecodesToTheSameBytes() {
        byte[] raw = {'b', 'a', 'd', (byte) 0xff, '%', (byte) 0xc3, (byte) 0xa9, (byte) 0xe9};
        String stored = NameCodec.encodeComponent(raw);
        assertThat(stored).isEqualTo("%raw%bad%FF%25é%E9");
        assertThat(NameCodec.decodeComponent(stored)).isEqualTo(raw);
    }

    @Test
    void aNameThatLooksEscapedIsEscapedItselfSoNoTwoNamesCollide() {
        byte[] lookalike = "%raw%bad%FF".getBytes(StandardCharsets.UTF_8);
        byte[] real = {'b', 'a', 'd', (byte) 0xff};
        assertThat(NameCodec.encodeComponent(lookalike)).isNotEqualTo(NameCodec.encodeComponent(real));
        assertThat(NameCodec.decodeComponent(NameCodec.encodeComponent(lookalike))).isEqualTo(lookalike);
    }

    @Test
    void randomBytesRoundTripAndNeverCollide() {
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        Set<String> rawSeen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] raw = new byte[1 + random.nextInt(12)];
            random.nextBytes(raw);
            for (int j = 0; j < raw.length; j++) {
                if (raw[j] == '/' || raw[j] == 0) {
                    raw[j] = 'x';
                }
            }
            String stored = NameCodec.encodeComponent(raw);
            assertThat(NameCodec.decodeComponent(stored)).isEqualTo(raw);
            assertThat(stored).doesNotContain("/");
            if (rawSeen.add(new String(raw, StandardCharsets.ISO_8859_1))) {
                assertThat(seen.add(stored)).as("collision for %s", stored).isTrue();
            }
        }
    }

    @Test
    void pathsAreEncodedComponentByComponent() {
        RawPath p = RawPath.ofBytes(new byte[]{'a', '/', (byte) 0xff, '/', 'c'});
        assertThat(NameCodec.encodePath(p)).isEqualTo("a/%raw%%FF/c");
        assertThat(p).hasToString("a/\\xFF/c");
    }

    @Test
    void onWindowsNamesTheFileSystemWouldSplitOrTrimAreEscapedAndDecodeBack() {
        for (String name : new String[]{"..\\..\\evil", "C:", "file.txt:stream", "trailing.", "trailing ", "a|b"}) {
            byte[] raw = name.getBytes(StandardCharsets.UTF_8);
            String stored = NameCodec.encodeComponent(raw, true);
            assertThat(stored).startsWith("%raw%").doesNotContain("\\", ":", "|");
            assertThat(stored).doesNotEndWith(".").doesNotEndWith(" ");
            assertThat(NameCodec.decodeComponent(stored)).isEqualTo(raw);
        }
        assertThat(NameCodec.encodeComponent("back\\slash".getBytes(StandardCharsets.UTF_8), false))
                .isEqualTo("back\\slash");
    }
}
