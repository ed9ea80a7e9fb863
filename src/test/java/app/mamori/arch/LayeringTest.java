package app.mamori.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rules of DESIGN.md, checked on the sources so a violation fails the build. */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/app/mamori");

    /** Packages and the app.mamori packages they must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("model", List.of("ssh", "source", "vault", "catalog", "engine", "service", "cli", "ui", "secret", "schedule",
                    "retention", "notify")),
            Map.entry("ssh", List.of("source", "vault", "catalog", "engine", "service", "cli", "ui", "secret", "schedule",
                    "retention", "notify")),
            Map.entry("source", List.of("vault", "catalog", "engine", "service", "cli", "ui", "schedule", "retention", "notify")),
            Map.entry("vault", List.of("ssh", "source", "catalog", "engine", "service", "cli", "ui", "schedule", "retention",
                    "notify")),
            Map.entry("catalog", List.of("ssh", "source", "vault", "engine", "service", "cli", "ui", "schedule", "retention",
                    "notify")),
            Map.entry("schedule", List.of("ssh", "source", "vault", "catalog", "engine", "service", "cli", "ui", "secret",
                    "retention", "notify")),
            Map.entry("retention", List.of("ssh", "source", "vault", "catalog", "engine", "service", "cli", "ui", "secret",
                    "schedule", "notify")),
            Map.entry("notify", List.of("ssh", "source", "vault", "catalog", "engine", "service", "cli", "ui", "secret",
                    "schedule", "retention")),
            Map.entry("engine", List.of("service", "cli", "ui")),
            Map.entry("service", List.of("cli", "ui")),
            Map.entry("cli", List.of("ui")),
            Map.entry("desktop", List.of("ssh", "source", "vault", "catalog", "engine", "service", "cli", "ui",
                    "secret", "schedule", "retention", "notify")));

    /** What a UI class must not do itself: it asks a service (through a view model) instead. */
    private static final List<String> UI_MUST_NOT = List.of(".catalog()", "Catalog.open(", "new BackupEngine(",
            "new RestoreEngine(", "new Verifier(", "new VerifyPlanner(", "new RestorePlanner(", "new Pruner(",
            "new DueRunner(", "new ServerDiscovery(", "new SecretStore(", "new JschConnector(", ".connect(");

    @Test
    void nothingButTheUiImportsJavaFxOrAwt() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : javaFiles(MAIN)) {
            if (f.startsWith(MAIN.resolve("ui"))) {
                continue;
            }
            String src = Files.readString(f);
            if (src.contains("javafx.") || src.contains("java.awt")) {
                offenders.add(f.toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void dependenciesPointOneWayOnly() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (var rule : FORBIDDEN.entrySet()) {
            Path dir = MAIN.resolve(rule.getKey());
            for (Path f : javaFiles(dir)) {
                String src = Files.readString(f);
                for (String other : rule.getValue()) {
                    if (src.contains("app.mamori." + other + ".")) {
                        offenders.add(f + " uses app.mamori." + other);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theUiReachesCatalogueSshAndEnginesOnlyThroughTheServices() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : javaFiles(MAIN.resolve("ui"))) {
            String src = Files.readString(f);
            for (String call : UI_MUST_NOT) {
                if (src.contains(call)) {
                    offenders.add(f + " calls " + call);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theRulesSeeTheSources() throws IOException {
        assertThat(javaFiles(MAIN.resolve("engine"))).isNotEmpty();
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
