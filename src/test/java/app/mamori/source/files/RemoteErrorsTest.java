package app.mamori.source.files;

import app.mamori.ssh.ExecResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteErrorsTest {

    @Test
    void vanishedAndChangedFilesAreWarnings() {
        var r = new ExecResult(2, "tar: srv/a: Cannot stat: No such file or directory\n"
                + "tar: srv/b: file changed as we read it\n"
                + "tar: Exiting with failure status due to previous errors\n", false, 0);
        RemoteErrors.Verdict v = RemoteErrors.judge("fetching files", r, List.of());
        assertThat(v.failed()).isFalse();
        assertThat(v.warnings()).hasSize(2);
    }

    @Test
    void permissionDeniedFailsNamingThePath() {
        var r = new ExecResult(1, "find: '/srv/gone': No such file or directory\n"
                + "find: '/srv/secret': Permission denied\n", false, 0);
        RemoteErrors.Verdict v = RemoteErrors.judge("listing files", r, List.of("/srv"));
        assertThat(v.failure()).isEqualTo("listing files failed: find: '/srv/secret': Permission denied");
    }

    @Test
    void aMissingRootIsAFailureNotAVanishedFile() {
        var r = new ExecResult(1, "find: '/srv': No such file or directory\n", false, 0);
        assertThat(RemoteErrors.judge("listing files", r, List.of("/srv")).failed()).isTrue();
    }

    @Test
    void nonZeroExitWithoutMessageOrTruncatedStderrFails() {
        assertThat(RemoteErrors.judge("x", new ExecResult(-1, "", false, 0), List.of()).failed()).isTrue();
        assertThat(RemoteErrors.judge("x", new ExecResult(2, "tar: a: Cannot stat: No such file or directory",
                true, 0), List.of()).failed()).isTrue();
    }
}
