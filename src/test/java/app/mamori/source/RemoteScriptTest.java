package app.mamori.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteScriptTest {
    /**
     * Debian's and Ubuntu's /bin/sh (dash) runs no EXIT trap when a signal it does not trap ends it:
     * a cancelled dump stopped with TERM left its temp folder (a database's copy) behind.
     */
    @Test
    void aCommandStoppedWithTermStillRemovesItsTempFolderUnderDash(@TempDir Path tmp) throws Exception {
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Files.writeString(scratch.resolve("copy.db"), "a database's copy");
        // setsid: its own process group, as a remote command has, stopped the way RemotePid stops one
        Process p = new ProcessBuilder("setsid", "dash", "-c",
                RemoteScript.onExit("rm -rf \"" + scratch + "\"") + "echo ready; sleep 30").start();
        try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThat(new ProcessBuilder("kill", "-TERM", "--", "-" + p.pid()).start().waitFor()).isZero();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }

        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(scratch).doesNotExist();
    }
}
