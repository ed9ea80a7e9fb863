package app.mamori.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's hostile server for a {@code files} source: its {@code find} (the remote
 * listing, see RemoteListing) lies. It adds names that would write outside the vault ({@code ..},
 * absolute), lists a symlink and then a folder of the same name, or swaps a folder for a symlink
 * to somewhere else between the listing and the copy. The server is this machine, so "somewhere
 * else" is a folder of the workstation: nothing there may change, nothing may be written outside
 * the vault, and a refused listing keeps no point.
 */
class LyingFindTest {
    private static LyingServer server;

    private Path tmp;
    private Path site;
    private Path outside;
    private Path vault;
    private Cli cli;

    @BeforeAll
    static void startLyingServer() throws Exception {
        // find -P ROOT [prune...] -printf '%y\0%m\0%s\0%T@\0%U\0%G\0%H\0%P\0%l\0': type, mode, size,
        // mtime, uid, gid, root, path below it, link target
        server = LyingServer.start(Map.of("find", """
                case "$*" in *-printf*) ;; *) exec /usr/bin/find "$@" ;; esac
                root=$2
                entry() { printf '%s\\0%s\\0%s\\0%s\\0%s\\0%s\\0%s\\0%s\\0%s\\0' "$@"; }
                outside=$(/bin/cat "$LIARS/outside")
                case "$(mode)" in
                  dotdot) /usr/bin/find "$@" && entry f 644 5 1700000000.0 0 0 "$root" ../../escaped '' ;;
                  absolute) /usr/bin/find "$@" && entry f 644 5 1700000000.0 0 0 "$root" /tmp/mamori-escaped '' ;;
                  link-then-folder) /usr/bin/find "$@" && entry l 777 10 1700000000.0 0 0 "$root" s "$outside" \\
                      && entry d 755 4096 1700000000.0 0 0 "$root" s '' \\
                      && entry f 644 5 1700000000.0 0 0 "$root" s/evil '' ;;
                  swap) /usr/bin/find "$@" && rm -rf "$root/d" && ln -s "$outside" "$root/d" ;;
                  *) exec /usr/bin/find "$@" ;;
                esac
                """));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void setUp(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        server.lie("");
        site = tmp.resolve("site");
        Files.createDirectories(site.resolve("d"));
        Files.writeString(site.resolve("index.html"), "hello");
        Files.writeString(site.resolve("d/page.html"), "page");
        // a backslash is a plain character in a Linux name: stored as one file, never a path
        Files.writeString(site.resolve("..\\..\\backslash.txt"), "one file");
        outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("precious.txt"), "the workstation's own");
        Files.writeString(server.dir().resolve("outside"), outside.toString());
        vault = tmp.resolve("vault");
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("liar", server.sshd());
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "www", "--server", "liar", "--kind", "files", "--path", site.toString())
                .requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "v").requireOk();
        cli.run("backup", "site").requireOk();
    }

    @Test
    void aBackslashNameIsStoredAsOneFileInsideTheSnapshot() throws Exception {
        Path stored = only(vault, "..\\..\\backslash.txt");
        assertThat(stored).hasContent("one file");
        assertThat(stored.getParent().getFileName().toString()).as("stored beside index.html")
                .isEqualTo(only(vault, "index.html").getParent().getFileName().toString());
        assertThat(cli.run("verify", "--job", "site").requireOk().out()).contains("verified");
    }

    @Test
    void aListedDotDotNameIsRefusedAndNothingIsWrittenOutsideTheVault() throws Exception {
        assertRefused("dotdot", "'..' component");
    }

    @Test
    void aListedAbsoluteNameIsRefusedAndNothingIsWrittenOutsideTheVault() throws Exception {
        assertRefused("absolute", "mamori-escaped");
        assertThat(Path.of("/tmp/mamori-escaped")).doesNotExist();
    }

    @Test
    void aSymlinkListedAndThenAFolderOfTheSameNameIsRefused() throws Exception {
        assertRefused("link-then-folder", "listed twice");
    }

    @Test
    void aFolderSwappedForASymlinkBetweenListingAndCopyWritesNothingThroughTheLink() throws Exception {
        Files.writeString(site.resolve("d/new.html"), "new since the first point");
        Map<String, String> before = contents(outside);
        server.lie("swap");

        Cli.Result r = cli.run("backup", "site");

        assertThat(contents(outside)).as("the folder the link points to").isEqualTo(before);
        assertThat(escaped()).isEmpty();
        server.lie("");
        assertThat(r.exit()).as(r.err()).isZero();
        // the listing said d was a folder: it is one in both snapshots, never a link to elsewhere
        try (Stream<Path> s = Files.walk(vault)) {
            List<Path> pages = s.filter(p -> p.getFileName().toString().equals("page.html")).toList();
            assertThat(pages).hasSize(2).allSatisfy(p -> {
                assertThat(Files.isDirectory(p.getParent(), LinkOption.NOFOLLOW_LINKS)).isTrue();
                assertThat(p).hasContent("page");
            });
        }
        assertThat(cli.run("points", "site", "--json").requireOk().json()).hasSize(2);
        assertThat(cli.run("verify", "--job", "site").requireOk().out()).contains("verified");
        assertThat(temps()).isEmpty();
    }

    private void assertRefused(String lie, String why) throws Exception {
        Map<String, String> outsideBefore = contents(outside);
        Map<String, String> siteBefore = contents(site);
        server.lie(lie);

        Cli.Result r = cli.run("backup", "site");

        assertThat(r.exit()).as(r.out() + r.err()).isOne();
        assertThat(lastLine(r.err())).startsWith("mamori: ").contains("server's file listing named", why,
                "Nothing was stored", "tampering");
        server.lie("");
        assertThat(contents(outside)).isEqualTo(outsideBefore);
        assertThat(contents(site)).as("the live data").isEqualTo(siteBefore);
        assertThat(escaped()).isEmpty();
        assertThat(cli.run("points", "site", "--json").requireOk().json()).as("only the point before").hasSize(1);
        assertThat(cli.run("verify", "--job", "site").requireOk().out()).contains("verified");
        assertThat(temps()).isEmpty();
    }

    /** Anything named by a lie, anywhere in the test's folder. */
    private List<Path> escaped() throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(p -> List.of("escaped", "evil", "mamori-escaped").contains(p.getFileName().toString()))
                    .toList();
        }
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> s = Files.walk(vault)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    private static Path only(Path under, String name) throws Exception {
        try (Stream<Path> s = Files.walk(under)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().equals(name)).toList();
            assertThat(found).as(name + " under " + under).hasSize(1);
            return found.get(0);
        }
    }

    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p) ? Files.readString(p) : "dir");
            }
        }
        return m;
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}
