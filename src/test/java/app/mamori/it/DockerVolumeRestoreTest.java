package app.mamori.it;

import app.mamori.testenv.DockerEngine;
import app.mamori.testenv.DockerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker-volume restores into another volume and in place, against the real (Podman) engine over the real sshd. */
@ExtendWith(DockerExtension.class)
class DockerVolumeRestoreTest {
    // written in a busybox container with the volume at /data; modes explicit so umask cannot matter
    private static final String FILL = String.join(" && ",
            "cd /data",
            "printf 'hello\\n' > hello.txt && chmod 644 hello.txt",
            "printf 'q' > \"it's a \\\"quoted\\\" name.txt\" && chmod 640 \"it's a \\\"quoted\\\" name.txt\"",
            "ln -s hello.txt link",
            "mkdir empty && chmod 711 empty",
            "printf 'top secret' > secret && chmod 600 secret && chown 1234:5678 secret",
            "touch -d '2021-03-04 05:06:07' hello.txt",
            "chmod 755 /data");
    // one line per entry: type, mode, owner, size, mtime (whole seconds: busybox), link target, name; then contents
    private static final String STATE = "cd /data && find . -exec stat -c '%F %a %u:%g %s %Y %N' {} + | sort"
            + " && find . -type f -exec md5sum {} + | sort";

    private DockerEngine docker;
    private Cli cli;
    private String volume;

    @BeforeEach
    void setUp(DockerEngine docker, @TempDir Path tmp) {
        this.docker = docker;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("host1", docker.sshd());
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        volume = docker.newName("vol");
        docker.docker("volume", "create", volume);
        run(volume, FILL);
        cli.run("source", "add", "appdata", "--server", "host1", "--kind", "docker-volume", "--volume", volume)
                .requireOk();
        cli.run("job", "add", "app", "--sources", "appdata", "--vault", "local").requireOk();
        cli.run("backup", "app").requireOk();
    }

    private String run(String vol, String script) {
        return docker.podman("run", "--rm", "--network", "none", "-v", vol + ":/data", docker.busyboxImage(),
                "sh", "-c", script);
    }

    @Test
    void intoANewVolumeEveryEntryComesBackWithModesOwnersAndTimes() {
        String copy = docker.newName("copy");

        cli.run("restore", "--source", "appdata", "--to-volume", copy, "--yes").requireOk();

        assertThat(run(copy, STATE)).isEqualTo(run(volume, STATE)).contains("1234:5678").contains("711");
    }

    @Test
    void aVolumeThatIsNotEmptyIsRefusedAndLeftAlone() {
        String busy = docker.newName("busy");
        docker.docker("volume", "create", busy);
        run(busy, "printf mine > /data/keep.txt");

        Cli.Result r = cli.run("restore", "--source", "appdata", "--to-volume", busy, "--yes");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("Docker volume " + busy + " is not empty");
        assertThat(run(busy, "ls -A /data")).isEqualTo("keep.txt\n");
    }

    @Test
    void inPlaceBringsBackWhatChangedAfterASafetyBackup() {
        String before = run(volume, STATE);
        run(volume, "printf changed > /data/hello.txt && rm /data/secret && rm /data/link");

        Cli.Result r = cli.run("restore", "--source", "appdata", "--in-place", "--yes").requireOk();

        assertThat(r.out()).contains("safety point: app/");
        assertThat(run(volume, STATE)).isEqualTo(before);
    }
}
