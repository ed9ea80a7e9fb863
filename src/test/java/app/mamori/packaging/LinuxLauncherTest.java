package app.mamori.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * packaging/linux/launcher, run in a stand-in image whose "Java" prints the command line it was
 * given: the .cfg's options, class path and main class reach it, and commands (not the app) run
 * with the JIT's first compiler only; a checkout's ./mamori, which must decide alike, against it.
 */
class LinuxLauncherTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path image;

    @Test
    void theAppKeepsBothCompilersAndACommandRunsWithTheFirstOnly() throws Exception {
        install();
        assertThat(launch()).doesNotContain(C1_ONLY).endsWith("app.mamori.Main");
        assertThat(launch("--home", "/tmp/office", "--lang", "ja")).doesNotContain(C1_ONLY)
                .endsWith("app.mamori.Main", "--home", "/tmp/office", "--lang", "ja");
        assertThat(launch("status")).contains(C1_ONLY).endsWith("app.mamori.Main", "status");
        assertThat(launch("--home", "/tmp/office", "backup", "blog")).contains(C1_ONLY);
        assertThat(launch("--home")).as("a lone --home is the CLI's to refuse").contains(C1_ONLY);
    }

    @Test
    void theCfgsOptionsAndClassPathReachJavaWithAppdirExpanded() throws Exception {
        install();
        List<String> args = launch("--version");
        String app = image.toRealPath().resolve("lib/app").toString();
        assertThat(args).contains("-XX:SharedArchiveFile=" + app + "/mamori.jsa")
                .contains("-cp", app + "/mamori.jar:" + app + "/lib/a.jar");
    }

    /** ./mamori of a checkout decides the compilers as the installed launcher does, with the same cases. */
    @Test
    void theCheckoutsScriptDecidesAsTheLauncherDoes(@TempDir Path checkout) throws Exception {
        install();
        Path script = place(Path.of("mamori"), checkout.resolve("mamori"), checkout.resolve("bin/java"));
        Files.createDirectories(checkout.resolve("target"));
        Files.writeString(checkout.resolve("target/mamori.jar"), "built"); // no src/main newer: no build
        for (List<String> args : List.of(List.<String>of(), List.of("--home", "/tmp/office", "--lang", "ja"),
                List.of("status"), List.of("--home", "/tmp/office", "backup", "blog"), List.of("--home"))) {
            List<String> command = new ArrayList<>(List.of(script.toString()));
            command.addAll(args);
            List<String> java = run(command, Map.of("PATH", checkout.resolve("bin") + ":" + System.getenv("PATH")));
            assertThat(java.contains(C1_ONLY)).as("./mamori %s", args)
                    .isEqualTo(launch(args.toArray(String[]::new)).contains(C1_ONLY));
        }
    }

    private void install() throws IOException {
        place(Path.of("packaging/linux/launcher"), image.resolve("bin/mamori"), image.resolve("lib/runtime/bin/mamori"));
        Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(image.resolve("lib/app/mamori.cfg"), String.join("\n", "[Application]",
                "app.classpath=$APPDIR/mamori.jar", "app.mainclass=app.mamori.Main", "app.classpath=$APPDIR/lib/a.jar",
                "", "[JavaOptions]", "java-options=-XX:SharedArchiveFile=$APPDIR/mamori.jsa", ""));
    }

    /** Copies {@code script} to {@code to}, and puts at {@code java} a stand-in Java that prints its arguments. */
    private static Path place(Path script, Path to, Path java) throws IOException {
        Files.createDirectories(to.getParent());
        Files.createDirectories(java.getParent());
        Files.copy(script, to);
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        for (Path p : List.of(to, java)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return to;
    }

    private List<String> launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin/mamori").toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    /** The lines the stand-in Java printed: the command line the script gave it. */
    private static List<String> run(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("MAMORI_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
