package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The folders directly inside one folder of a server, for choosing what a {@code files} source
 * backs up: one command, names separated by NUL so that no name can break the listing, the
 * folder's path quoted by {@link ShellQuote}. Sizes come from {@code du} when it finishes
 * within {@link #SIZE_LIMIT} (a home folder of millions of files would hold the listing up).
 */
public final class RemoteFolders {
    static final Duration SIZE_LIMIT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RemoteFolders() {
    }

    /** One folder; {@code sizeKiB} empty when du did not finish in time or could not read it. */
    public record Folder(String name, String path, OptionalLong sizeKiB) {
    }

    /**
     * @param folders   the folders, by name
     * @param leftOut   folders whose names cannot be chosen here (not UTF-8, or with a line break)
     */
    public record Listing(String path, List<Folder> folders, int leftOut) {
        public Listing {
            folders = List.copyOf(folders);
        }
    }

    /** The remote command: names, an empty record, then "KiB\tpath" records from du. */
    static String script(String dir) {
        String d = ShellQuote.quote(dir);
        return "find " + d + " -mindepth 1 -maxdepth 1 -type d -printf '%f\\0' || exit 3; printf '\\0'; "
                + "find " + d + " -mindepth 1 -maxdepth 1 -type d -print0 2>/dev/null | timeout "
                + SIZE_LIMIT.toSeconds() + " xargs -0r du -0sk -- 2>/dev/null; exit 0";
    }

    public static Listing list(RemoteShell shell, String server, String dir) throws IOException {
        requireFolder(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of(script(dir)).stdout(out).timeout(TIMEOUT).build());
        if (r.exitStatus() != 0) {
            throw new IOException("cannot list " + dir + " on server " + server + ": " + r.lastStderrLine()
                    + "; check that the folder exists and the SSH user may read it");
        }
        return parse(dir, out.toByteArray());
    }

    static Listing parse(String dir, byte[] output) {
        List<byte[]> records = split(output);
        List<String> names = new ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        int leftOut = 0;
        boolean inSizes = false;
        for (byte[] rec : records) {
            if (!inSizes) {
                if (rec.length == 0) {
                    inSizes = true;
                    continue;
                }
                String name = utf8(rec);
                if (name == null || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                    leftOut++;
                } else {
                    names.add(name);
                }
            } else {
                String line = utf8(rec);
                int tab = line == null ? -1 : line.indexOf('\t');
                if (tab > 0 && line.substring(0, tab).chars().allMatch(Character::isDigit)) {
                    String path = line.substring(tab + 1);
                    sizes.put(path.substring(path.lastIndexOf('/') + 1), Long.parseLong(line.substring(0, tab)));
                }
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        String base = dir.endsWith("/") ? dir : dir + "/";
        List<Folder> folders = names.stream().map(n -> new Folder(n, base + n,
                sizes.containsKey(n) ? OptionalLong.of(sizes.get(n)) : OptionalLong.empty())).toList();
        return new Listing(dir, folders, leftOut);
    }

    /** The folder above {@code dir}; "/" stays "/". */
    public static String parent(String dir) {
        String d = dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        int i = d.lastIndexOf('/');
        return i <= 0 ? "/" : d.substring(0, i);
    }

    /** Absolute, and without the . or .. a source path may not have (on the server .. follows symlinks). */
    static void requireFolder(String dir) {
        if (dir == null || !dir.startsWith("/")) {
            throw new IllegalArgumentException("folder: '" + dir + "' must be an absolute path on the server"
                    + " (starting with /)");
        }
        for (String part : dir.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("folder: '" + dir + "' has a '" + part + "' in it; give the"
                        + " folder's real absolute path, or use Up");
            }
        }
        if (dir.indexOf('\0') >= 0 || dir.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("folder: a path with a NUL byte or a line break cannot be listed");
        }
    }

    private static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                byte[] rec = new byte[i - start];
                System.arraycopy(b, start, rec, 0, rec.length);
                out.add(rec);
                start = i + 1;
            }
        }
        return out;
    }

    /** Strict UTF-8, or null: a name that does not decode could not be given back to the server as it is. */
    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
