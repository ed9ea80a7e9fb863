package app.mamori.it;

import app.mamori.testenv.DockerEngine;
import app.mamori.testenv.DockerExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the tar of a real Docker (Podman) volume, over a real sshd. */
@ExtendWith(DockerExtension.class)
class DockerVolumeVerifyTest {

    @Test
    void everyTarEntryIsReadAndAFlippedByteIsNamed(DockerEngine docker, @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("host1", docker.sshd());
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        String volume = docker.newName("vol");
        docker.docker("volume", "create", volume);
        docker.podman("run", "--rm", "--network", "none", "-v", volume + ":/data", docker.busyboxImage(), "sh", "-c",
                "cd /data && printf 'hello' > a.txt && mkdir d && printf 'x' > d/b.txt && ln -s a.txt link");
        cli.run("source", "add", "appdata", "--server", "host1", "--kind", "docker-volume", "--volume", volume)
                .requireOk();
        cli.run("job", "add", "app", "--sources", "appdata", "--vault", "local").requireOk();
        JsonNode point = cli.run("backup", "app", "--json").requireOk().json().get("point");
        Path artifact = Path.of(point.get("artifacts").get(0).get("path").asText());

        JsonNode good = cli.run("verify", point.get("id").asText(), "--drill", "--json").requireOk().json();

        assertThat(good.get("checks")).extracting(c -> c.get("method").asText() + "=" + c.get("result").asText())
                .containsExactly("checksum=verified", "format=verified", "drill=verified");
        assertThat(good.get("checks").get(1).get("detail").asText()).contains("listed all 5 entries");
        assertThat(good.get("checks").get(2).get("detail").asText()).contains("drill: 2 files (6 bytes) restored into"
                + " volume mamori_drill_").contains("every one's SHA-256 matched the archive");
        assertThat(docker.docker("volume", "ls", "--format", "{{.Name}}")).as("the scratch volume is removed")
                .doesNotContain("mamori_drill_");

        Damage.flipByte(artifact, Files.size(artifact) - 5);
        Cli.Result bad = cli.run("verify", "--job", "app");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains(artifact.toString()).contains("corrupted");
    }
}
