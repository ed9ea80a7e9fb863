package app.mamori.catalog;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * sqlite-jdbc's native library, unpacked once into the user's cache folder and loaded from
 * there. Left to itself the driver inflates the 1 MB library from its jar into the temp
 * folder at every start, compares it byte for byte and deletes it at exit: about 0.2 s of CPU
 * and 0.3 s of wall time before the first query of every command and every start of the app.
 * The file is named by the driver's version and checked by size, so an upgrade unpacks its
 * own; it is written under a temporary name and renamed, so two processes starting at once
 * never load half a file. Whatever fails here leaves the driver to do as it always did.
 */
final class SqliteLibrary {
    private static final System.Logger LOG = System.getLogger(SqliteLibrary.class.getName());
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points the driver at the cached library, unpacking it first if needed; once per process. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // chosen by whoever started the JVM
        }
        Path cache = cacheDir(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
        unpack(cache).ifPresent(lib -> {
            System.setProperty(PATH_PROPERTY, lib.getParent().toString());
            System.setProperty(NAME_PROPERTY, lib.getFileName().toString());
        });
    }

    /**
     * The driver's library for this OS and processor in {@code dir}, unpacked there unless a
     * whole copy is already there; empty when the driver has none for this platform or the
     * folder cannot be written.
     *
     * <p>A kept copy is found by name alone: the driver's version, the JVM's OS and processor,
     * and the copy's size in bytes, which the file must still have. Asking the driver where its
     * file is would cost every start a child process: sqlite-jdbc runs {@code uname -o} to tell
     * Android from Linux (about 30 ms of a command's start). Only the first start asks.
     */
    static Optional<Path> unpack(Path dir) {
        String prefix = "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform() + "-";
        String name = LibraryLoaderUtil.getNativeLibName();
        Optional<Path> kept = kept(dir, prefix, name);
        if (kept.isPresent()) {
            return kept;
        }
        URL url = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URLConnection c = url.openConnection();
            Path lib = dir.resolve(prefix + c.getContentLengthLong() + "-" + name);
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, ".sqlite-jdbc-", ".part");
            try (InputStream in = c.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            return Optional.of(lib);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "sqlite-jdbc's library not cached in " + dir + "; the driver unpacks it", e);
            return Optional.empty();
        }
    }

    /** A copy named {@code prefix + SIZE + "-" + name} that still has SIZE bytes. */
    private static Optional<Path> kept(Path dir, String prefix, String name) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, prefix + "*-" + name)) {
            for (Path copy : copies) {
                String size = copy.getFileName().toString().substring(prefix.length());
                size = size.substring(0, size.length() - name.length() - 1);
                if (size.chars().allMatch(Character::isDigit) && !size.isEmpty()
                        && Files.size(copy) == Long.parseLong(size)) {
                    return Optional.of(copy);
                }
            }
        } catch (IOException | RuntimeException notKept) {
            // no folder yet, or an odd file in it: unpack
        }
        return Optional.empty();
    }

    /** The JVM's OS and processor as a file-name part, such as {@code linux-amd64}. */
    private static String platform() {
        return (System.getProperty("os.name", "") + "-" + System.getProperty("os.arch", ""))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    }

    /** The user's cache folder for Mamori: never the data folder, which may be on a NAS mounted noexec. */
    static Path cacheDir(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : userHome.resolve("AppData/Local")).resolve("Mamori/cache");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Caches/Mamori");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache")).resolve("mamori");
    }
}
