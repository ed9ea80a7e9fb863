package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.LocalShell;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a restore needs to be right about a tree, keyed by raw relative path, read with
 * find and tar (so non-UTF-8 names are seen as bytes). For a snapshot tree, stored names are
 * decoded back to raw bytes, so a source and its snapshot can be compared with equals.
 */
final class TreeFacts {
    private TreeFacts() {
    }

    /** type mode size mtime target sha256 of every entry below {@code dir}. */
    static Map<String, String> of(Path dir, boolean storedNames) throws IOException {
        Map<String, String> content = contents(dir);
        Map<String, String> facts = new TreeMap<>();
        String listing = run("cd " + ShellQuote.quote(dir.toString())
                + " && find . -mindepth 1 -printf '%y\\0%m\\0%s\\0%T@\\0%l\\0%P\\0'");
        String[] f = listing.split("\0", -1);
        for (int i = 0; i + 6 <= f.length; i += 6) {
            String type = f[i];
            String path = f[i + 5];
            String target = storedNames && type.equals("l") ? raw(f[i + 4]) : f[i + 4];
            // a directory's size is the file system's business; a link's is its (compared) target's length
            String size = type.equals("f") ? f[i + 2] : "-";
            // the JDK sets a symlink's own time through lutimes, to the microsecond
            String mtime = type.equals("l") ? f[i + 3].substring(0, f[i + 3].length() - 4) : f[i + 3];
            facts.put(storedNames ? raw(path) : path,
                    String.join(" ", type, f[i + 1], size, mtime, target, String.valueOf(content.get(path))));
        }
        return facts;
    }

    // A stored (escaped) relative path, read as Latin-1, back to the raw bytes it stands for, as Latin-1.
    private static String raw(String storedLatin1) {
        StringBuilder out = new StringBuilder();
        String[] parts = storedLatin1.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i];
            if (i > 0) {
                out.append('/');
            }
            String text = new String(c.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            out.append(new String(NameCodec.decodeComponent(text), StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        var out = new ByteArrayOutputStream();
        try (LocalShell shell = new LocalShell()) {
            shell.exec(Exec.of("cd " + ShellQuote.quote(dir.toString())
                    + " && LC_ALL=C tar --format=gnu -cf - --hard-dereference .").stdout(out).build());
        }
        Map<String, String> shas = new TreeMap<>();
        try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()), "ISO-8859-1")) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    shas.put(e.getName().substring(2), HexFormat.of().formatHex(sha256(tar.readAllBytes())));
                }
            }
        }
        return shas;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command and returns stdout as Latin-1, one char per byte. */
    static String run(String command) throws IOException {
        var out = new ByteArrayOutputStream();
        try (LocalShell shell = new LocalShell()) {
            var r = shell.exec(Exec.of(command).stdout(out).build());
            if (!r.ok()) {
                throw new IOException(command + ": " + r.stderr());
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
