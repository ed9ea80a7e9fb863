package app.mamori.source.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A server path as the exact bytes the kernel knows it by. The bytes are carried in a
 * Latin-1 string, which maps each byte to one char and back without loss, so paths hash,
 * compare and print cheaply while never passing through a lossy charset.
 */
public final class RawPath implements Comparable<RawPath> {
    private final String latin1;

    private RawPath(String latin1) {
        this.latin1 = latin1;
    }

    public static RawPath ofBytes(byte[] bytes) {
        return new RawPath(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** The bytes {@code len} long at {@code off} of {@code b}, copied. */
    public static RawPath ofBytes(byte[] b, int off, int len) {
        return new RawPath(new String(b, off, len, StandardCharsets.ISO_8859_1));
    }

    /** Wraps a string whose chars are bytes (as read with ISO-8859-1, e.g. tar names). */
    public static RawPath ofLatin1(String latin1) {
        return new RawPath(latin1);
    }

    /** A path that is text, such as a configured root, encoded as UTF-8. */
    public static RawPath ofUtf8(String text) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public static RawPath ofBase64(String b64) {
        return ofBytes(Base64.getDecoder().decode(b64));
    }

    public byte[] bytes() {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    public String latin1() {
        return latin1;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes());
    }

    public boolean isEmpty() {
        return latin1.isEmpty();
    }

    /** This path with {@code child} appended after a slash; an empty child leaves it as is. */
    public RawPath resolve(RawPath child) {
        if (child.isEmpty()) {
            return this;
        }
        return new RawPath(latin1.endsWith("/") ? latin1 + child.latin1 : latin1 + "/" + child.latin1);
    }

    /** The path without its leading slashes: how tar names it when run in {@code /}. */
    public RawPath relativeToRoot() {
        int i = 0;
        while (i < latin1.length() && latin1.charAt(i) == '/') {
            i++;
        }
        return new RawPath(latin1.substring(i));
    }

    /** For people: valid UTF-8 shown as text, other bytes as {@code \xNN}. */
    @Override
    public String toString() {
        return NameCodec.display(bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawPath r && r.latin1.equals(latin1);
    }

    @Override
    public int hashCode() {
        return latin1.hashCode();
    }

    @Override
    public int compareTo(RawPath o) {
        return latin1.compareTo(o.latin1);
    }
}
