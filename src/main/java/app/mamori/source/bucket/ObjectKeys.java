package app.mamori.source.bucket;

import app.mamori.source.files.NameCodec;
import app.mamori.source.files.RawPath;

import java.io.IOException;

/**
 * How an object key becomes a path in a snapshot, and which keys are refused. In the index an
 * object is {@code /KEY}; in the snapshot's {@code tree/} it is {@code KEY}, component by
 * component. A bucket can hold any key, and whoever can write to it can choose one that reads
 * as {@code ../x} or an absolute name: such a key is refused before anything is written, as a
 * server's hostile file listing is. A backslash is only a character of a key, as S3 has it:
 * {@link NameCodec} stores a component holding one escaped on Windows, where it would be a
 * separator, so {@code ..\x} stays one name there too and the key comes back byte for byte.
 */
public final class ObjectKeys {
    private ObjectKeys() {
    }

    /** The index path of a key: {@code /KEY}, a folder marker without its trailing slash. */
    public static RawPath indexPath(String key) {
        return RawPath.ofUtf8("/" + folder(key));
    }

    /** The key an index path stands for (the inverse of {@link #indexPath} for objects). */
    public static String key(RawPath indexPath) {
        String p = new String(indexPath.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** The index path of the snapshot's root: the prefix as a folder, or {@code /}. */
    public static String root(String prefix) {
        return prefix.isEmpty() ? "/" : "/" + folder(prefix);
    }

    /** Where the key lands under {@code tree/}, escaped as file names are. */
    static String stored(String key) {
        return NameCodec.encodePath(RawPath.ofUtf8(folder(key)));
    }

    static boolean isFolderMarker(String key) {
        return key.endsWith("/");
    }

    private static String folder(String key) {
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /**
     * Refuses a key a snapshot must not write.
     *
     * @param bucket for the message
     */
    static void check(String bucket, String key) throws IOException {
        String why = unsafe(key);
        if (why != null) {
            throw new IOException("bucket " + bucket + " holds an object named '" + printable(key) + "', which a"
                    + " snapshot must not write: " + why + ". Nothing was stored. Such a key could lead outside the"
                    + " vault's folder; rename or remove that object (or back up a --prefix without it), and check"
                    + " who can write to the bucket");
        }
    }

    private static String unsafe(String key) {
        if (key.isEmpty()) {
            return "it is empty";
        }
        if (key.startsWith("/")) {
            return "it starts with '/' (an absolute name)";
        }
        if (key.indexOf('\0') >= 0) {
            return "it has a NUL character";
        }
        for (String part : folder(key).split("/", -1)) {
            switch (part) {
                case "" -> {
                    return "it has an empty name between two '/'";
                }
                case ".", ".." -> {
                    return "it has a '" + part + "' part";
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Control characters shown as \\uXXXX, so a message cannot be forged across lines. */
    public static String printable(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
