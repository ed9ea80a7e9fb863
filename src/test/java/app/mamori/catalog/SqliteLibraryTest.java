package app.mamori.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteLibraryTest {
    @TempDir
    Path dir;

    @Test
    void unpacksTheDriversOwnLibraryOnceAndKeepsIt() throws IOException {
        Path lib = SqliteLibrary.unpack(dir).orElseThrow();
        assertArrayEquals(driverLibrary(), Files.readAllBytes(lib));
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lib, written);

        assertEquals(lib, SqliteLibrary.unpack(dir).orElseThrow());
        assertEquals(written, Files.getLastModifiedTime(lib), "a second start must reuse the file, not write it again");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void replacesALibraryOfTheWrongSize() throws IOException {
        Path lib = SqliteLibrary.unpack(dir).orElseThrow();
        Files.write(lib, new byte[] {1, 2, 3});

        assertEquals(lib, SqliteLibrary.unpack(dir).orElseThrow());
        assertArrayEquals(driverLibrary(), Files.readAllBytes(lib));
    }

    @Test
    void aKeptCopyIsFoundByItsNameAndSizeAlone() throws IOException {
        Path lib = SqliteLibrary.unpack(dir).orElseThrow();
        String name = lib.getFileName().toString();
        long size = Files.size(lib);
        assertTrue(name.contains("-" + size + "-"), name + " names its size");
        Files.delete(lib);
        Path stand = Files.write(dir.resolve(name.replace("-" + size + "-", "-7-")), new byte[7]);

        assertEquals(stand, SqliteLibrary.unpack(dir).orElseThrow(),
                "the driver is not asked where its own file is (it starts a child process to find out)");
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheDriverToItself() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertTrue(SqliteLibrary.unpack(file.resolve("cache")).isEmpty());
    }

    @Test
    void cachesInTheUsersCacheFolderNeverTheDataFolder() {
        Path home = Path.of("/home/aiko");
        assertEquals(Path.of("/home/aiko/.cache/mamori"), SqliteLibrary.cacheDir("Linux", Map.of(), home));
        assertEquals(Path.of("/var/cache/aiko/mamori"),
                SqliteLibrary.cacheDir("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/aiko"), home));
        assertEquals(Path.of("/home/aiko/Library/Caches/Mamori"), SqliteLibrary.cacheDir("Mac OS X", Map.of(), home));
        assertNotEquals(SqliteLibrary.cacheDir("Linux", Map.of(), home), home.resolve(".local/share/mamori"));
    }

    private static byte[] driverLibrary() throws IOException {
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/"
                + org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
