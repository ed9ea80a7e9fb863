package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.LocalShell;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hashing on the host, run through a local shell: every hostile name comes back with its own checksum. */
class HostHashesTest {
    @TempDir
    Path tmp;
    Path tree;
    List<RawPath> files = new ArrayList<>();
    LocalShell shell = new LocalShell();

    @BeforeEach
    void createTree() throws IOException {
        tree = Files.createDirectories(tmp.resolve("snap").resolve(SnapshotIndex.TREE));
        HostileTree.create(tree);
        for (String f : TreeFacts.run(ShellQuote.command("sh", "-c", "cd \"$1\" && find . -type f -printf '%P\\0'", "sh",
                tree.toString())).split("\0")) {
            if (!f.isEmpty()) {
                files.add(RawPath.ofLatin1(f));
            }
        }
    }

    @Test
    void everyFileGetsTheChecksumOfItsOwnBytes() throws IOException {
        Map<RawPath, String> sums = HostHashes.of(shell, tmp.resolve("snap").toString(), files, CancelToken.none());

        assertThat(sums).hasSize(17).containsEntry(RawPath.ofBytes(HostileTree.RAW_NAME), sha256("raw"))
                .containsEntry(RawPath.ofUtf8("new\nline"), sha256("newline"))
                .containsEntry(RawPath.ofUtf8("-leading-dash"), sha256("dash"))
                .containsEntry(RawPath.ofUtf8("back\\slash"), sha256("backslash"))
                .containsEntry(RawPath.ofUtf8("smile 😀.txt"), sha256("emoji"))
                .containsEntry(RawPath.ofUtf8("$(touch pwned)"), sha256("dollar"));
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }

    @Test
    void theLoopForOldCoreutilsPrintsTheSameAsZeroMode() throws IOException {
        Map<RawPath, String> byZero = HostHashes.of(shell, tmp.resolve("snap").toString(), files, CancelToken.none());

        var list = new ByteArrayOutputStream();
        for (RawPath f : files) {
            list.write(f.bytes());
            list.write(0);
        }
        Map<RawPath, String> byLoop = new HashMap<>();
        var parser = new HostHashes.Lines(byLoop);
        var r = shell.exec(Exec.of("cd " + ShellQuote.quote(tree.toString()) + " && LC_ALL=C xargs -0 -r sh -c "
                + ShellQuote.quote(HostCommands.SHA256_LOOP) + " sh").stdin(new ByteArrayInputStream(list.toByteArray()))
                .stdout(parser).build());
        parser.finish();

        assertThat(r.ok()).as(r.stderr()).isTrue();
        assertThat(byLoop).isEqualTo(byZero);
    }

    @Test
    void aFileThatCannotBeReadFailsNamingTheSnapshot() {
        List<RawPath> withMissing = new ArrayList<>(files);
        withMissing.add(RawPath.ofUtf8("not there"));

        assertThatThrownBy(() -> HostHashes.of(shell, tmp.resolve("snap").toString(), withMissing, CancelToken.none()))
                .isInstanceOf(IOException.class).hasMessageContaining(tmp.resolve("snap").toString())
                .hasMessageContaining("not there");
    }

    private static String sha256(String s) {
        return java.util.HexFormat.of().formatHex(NativeCrypto.sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
