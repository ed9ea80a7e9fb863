package app.mamori.source.discover;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe script itself, run by this machine's /bin/sh (dash on Debian) on a folder of
 * planted files: once as a server with perl has it, once with a PATH holding only the tools a
 * minimal server has, so the header check falls back to sh and head.
 */
class ProbeScriptTest {
    private static final List<String> MINIMAL_TOOLS = List.of("sh", "find", "head", "xargs", "timeout", "mktemp",
            "rm", "cat", "wc", "sleep", "du", "cut");
    @TempDir
    Path tmp;
    private Path data;

    @BeforeEach
    void plant() throws Exception {
        data = Files.createDirectories(tmp.resolve("data/app one"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("state.bin"))) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        Files.copy(data.resolve("state.bin"), data.resolve("we'ird\nname.sqlite"));
        // the SQLite header, but not whole pages: no SQLite file looks like this
        Files.write(data.resolve("fake.db"), ("SQLite format 3\0" + "x".repeat(600)).getBytes(StandardCharsets.UTF_8));
        Path deps = Files.createDirectories(data.resolve("node_modules/pkg"));
        Files.copy(data.resolve("state.bin"), deps.resolve("cache.db"));
    }

    private DiscoverOptions options() {
        return DiscoverOptions.defaults().withoutDefaultPlaces().plusSqliteRoots(List.of(tmp.resolve("data").toString()))
                .plusFolders(List.of(data.toString(), tmp.resolve("absent").toString()));
    }

    @Test
    void findsSqliteFilesByHeaderAndWholePagesAndOffersTheFoldersGiven() throws Exception {
        Discovery d = run(options(), null);
        assertThat(d.findings()).extracting(Finding::what).containsExactlyInAnyOrder(
                "folder " + data,
                "SQLite file " + data.resolve("state.bin"),
                "SQLite file " + data.resolve("we'ird\nname.sqlite"));
        assertThat(d.findings().get(0).detail()).endsWith("KiB");
    }

    @Test
    void findsTheSameWithoutPerl() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : MINIMAL_TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        Discovery d = run(options(), bin);
        assertThat(d.findings()).extracting(Finding::what).containsExactlyInAnyOrder(
                "folder " + data,
                "SQLite file " + data.resolve("state.bin"),
                "SQLite file " + data.resolve("we'ird\nname.sqlite"));
        assertThat(d.tools()).isEmpty();
        assertThat(d.notes()).contains("PostgreSQL: no client on the server (psql not found)",
                "Docker: not installed on the server");
    }

    private Discovery run(DiscoverOptions o, Path onlyBin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", Probe.script(o)).redirectErrorStream(false);
        if (onlyBin != null) {
            pb.environment().put("PATH", onlyBin.toString());
        }
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            in.write(Probe.stdin(o));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe script ended").isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return Probe.parse("local", out.get(), o);
    }

    private static Path which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        throw new IllegalStateException(tool + " is missing on this machine: install coreutils/findutils");
    }
}
