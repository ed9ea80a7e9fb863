package app.mamori.engine.verify;

import app.mamori.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A files drill's copy in /var/tmp is out of other users' reach while the drill runs: its
 * commands, run by a real shell and tar, put the tree under a 0700 root and remove it all after.
 */
class DrillScratchModesTest {

    @Test
    void theDrillsCopyLivesUnderAPrivateRootThatItsRemovalTakesAway(@TempDir Path tmp) throws Exception {
        Path secret = Files.createDirectories(tmp.resolve("src/private"));
        Files.writeString(secret.resolve("salaries.csv"), "ana,1\n");
        Files.setPosixFilePermissions(secret.resolve("salaries.csv"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        byte[] tar = run(List.of("tar", "-c", "-C", tmp.resolve("src").toString(), "-f", "-", "private"), new byte[0]);
        Path root = Path.of("/var/tmp/" + VerifyPlanner.SCRATCH_PREFIX + "modes_" + System.nanoTime());
        DrillSteps steps = DrillSteps.of(new Source.Files("docs", "s", List.of("/private"), List.of()), root.toString(),
                null);
        try {
            run(List.of("sh", "-c", steps.restore().get(0).command()), tar);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
            try (var s = Files.walk(root)) {
                assertThat(s.filter(p -> p.getFileName().toString().equals("salaries.csv")).toList())
                        .singleElement().satisfies(p -> assertThat(p.startsWith(root)).isTrue());
            }
        } finally {
            run(List.of("sh", "-c", steps.remove()), new byte[0]);
        }
        assertThat(root).doesNotExist();
    }

    private static byte[] run(List<String> command, byte[] stdin) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + new String(out, StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
