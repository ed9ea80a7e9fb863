package app.mamori.source.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Turns raw path components into names Java can create on the workstation, reversibly.
 * A component the JVM's file-name charset can represent exactly is kept as it is; any
 * other (typically not valid UTF-8) becomes {@code %raw%} followed by the component with
 * {@code %} and every unrepresentable byte percent-encoded. Kept names never start with
 * the marker (those are escaped too), so the mapping is injective and {@link #decode}
 * gives the original bytes back.
 */
public final class NameCodec {
    static final String MARKER = "%raw%";
    private static final Charset FS = fileNameCharset();
    private static final boolean WINDOWS = java.io.File.separatorChar == '\\';

    private NameCodec() {
    }

    /** The stored form of a relative raw path ({@code a/b/c}), component by component. */
    public static String encodePath(RawPath relative) {
        byte[] b = relative.bytes();
        StringBuilder out = new StringBuilder(b.length + 8);
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '/') {
                if (i > start) {
                    if (!out.isEmpty()) {
                        out.append('/');
                    }
                    out.append(encodeComponent(java.util.Arrays.copyOfRange(b, start, i)));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    public static String encodeComponent(byte[] name) {
        return encodeComponent(name, WINDOWS);
    }

    /**
     * On Windows a server name may also hold what that file system reads as structure: a
     * backslash is a separator there, a colon opens an alternate data stream, and a trailing
     * dot or space is dropped. Such names take the escaped form so they stay one file.
     */
    static String encodeComponent(byte[] name, boolean windows) {
        if (!(windows && needsEscapeOnWindows(name))) {
            if (isPlainAscii(name)) {
                return new String(name, StandardCharsets.US_ASCII);
            }
            String text = decodeExactly(name, FS);
            if (text != null && !text.startsWith(MARKER)) {
                return text;
            }
        }
        StringBuilder out = new StringBuilder(MARKER);
        int i = 0;
        while (i < name.length) {
            int len = utf8SequenceLength(name, i);
            boolean last = i + len == name.length;
            if (len > 0 && name[i] != '%' && !(windows && (isWindowsReserved(name[i])
                    || (last && (name[i] == '.' || name[i] == ' '))))) {
                out.append(new String(name, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(name[i]));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean needsEscapeOnWindows(byte[] name) {
        for (byte c : name) {
            if (isWindowsReserved(c)) {
                return true;
            }
        }
        return name.length > 0 && (name[name.length - 1] == '.' || name[name.length - 1] == ' ');
    }

    private static boolean isWindowsReserved(byte c) {
        return c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
    }

    // The common case, checked without a charset round trip: 50,000 paths must not cost 250,000 decoders.
    private static boolean isPlainAscii(byte[] name) {
        for (byte c : name) {
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return !(name.length >= MARKER.length()
                && new String(name, 0, MARKER.length(), StandardCharsets.ISO_8859_1).equals(MARKER));
    }

    /** The raw bytes a stored component stands for. */
    public static byte[] decodeComponent(String stored) {
        if (!stored.startsWith(MARKER)) {
            return stored.getBytes(FS);
        }
        var out = new ByteArrayOutputStream();
        byte[] b = stored.substring(MARKER.length()).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%') {
                out.write(HexFormat.fromHexDigits(new String(b, i + 1, 2, StandardCharsets.US_ASCII)));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toByteArray();
    }

    /** Bytes for people to read: valid UTF-8 as text, each other byte as {@code \xNN}. */
    public static String display(byte[] b) {
        String text = decodeExactly(b, StandardCharsets.UTF_8);
        if (text != null) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int len = utf8SequenceLength(b, i);
            if (len > 0) {
                out.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                out.append(String.format("\\x%02X", b[i] & 0xff));
                i++;
            }
        }
        return out.toString();
    }

    /** The text for these bytes if the charset maps them to text and back unchanged, else null. */
    static String decodeExactly(byte[] b, Charset cs) {
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            ByteBuffer back = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
            return back.equals(ByteBuffer.wrap(b)) ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // Length of the well-formed UTF-8 sequence starting at i, or 0; kept sequences must survive the FS charset.
    private static int utf8SequenceLength(byte[] b, int i) {
        for (int len = 1; len <= 4 && i + len <= b.length; len++) {
            byte[] seq = java.util.Arrays.copyOfRange(b, i, i + len);
            if (decodeExactly(seq, StandardCharsets.UTF_8) != null) {
                return len == 1 || FS.equals(StandardCharsets.UTF_8) ? len : 0;
            }
        }
        return 0;
    }

    // Java names files through sun.jnu.encoding: on a POSIX-locale JVM even valid UTF-8 is unrepresentable.
    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding", "UTF-8");
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
