package app.mamori.engine.restore;

import app.mamori.source.RestoreCommand;
import app.mamori.vault.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Markdown record of one restore, written beside the point it restored from. */
final class RestoreReport {
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One step and how long it took. */
    record Step(String what, Duration took) {
    }

    private RestoreReport() {
    }

    static Path write(RestorePlan plan, String who, Instant started, RestoreResult result, List<Step> steps)
            throws IOException {
        Path file = plan.pointDir().resolve("restore-" + NAME.format(started) + ".md");
        for (int n = 2; Files.exists(file); n++) {
            file = plan.pointDir().resolve("restore-" + NAME.format(started) + "-" + n + ".md");
        }
        SecureFiles.writeAtomically(file, text(plan, who, started, result, steps).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static String text(RestorePlan plan, String who, Instant started, RestoreResult result, List<Step> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Restore of ").append(plan.source().name()).append(result.ok() ? ": succeeded" : ": FAILED")
                .append("\n\n");
        sb.append("- who: ").append(who).append('\n');
        sb.append("- when: ").append(started).append(" (took ").append(seconds(result.duration())).append(")\n");
        sb.append("- point: ").append(plan.pointId()).append(", taken ").append(plan.pointTime()).append('\n');
        sb.append("- artifact: ").append(plan.artifact().path()).append(", sha256 ").append(plan.expectedSha256())
                .append('\n');
        sb.append("- to: ").append(plan.targetDescription()).append('\n');
        sb.append("- safety backup: ").append(result.safetyPoint().map(p -> "restore point " + p)
                .orElse(plan.safetyBackup().isPresent() ? "not taken" : "none (not asked for)")).append('\n');
        sb.append("- result: ").append(result.ok() ? "succeeded" : "failed: " + result.error()).append('\n');
        if (!result.ok()) {
            sb.append("- state of the target: ").append(result.targetState()).append('\n');
        }
        sb.append("\n## Commands on server ").append(plan.server().name()).append("\n\n");
        for (RestoreCommand c : plan.commands()) {
            sb.append("- ").append(c.purpose()).append(c.secretOnStdin() ? " (password on stdin)" : "")
                    .append(c.artifactOnStdin() ? " (artifact on stdin)" : "").append("\n\n    ")
                    .append(c.command()).append("\n\n");
        }
        sb.append("## Steps\n\n");
        for (Step s : steps) {
            sb.append("- ").append(s.what()).append(": ").append(seconds(s.took())).append('\n');
        }
        if (!plan.warnings().isEmpty()) {
            sb.append("\n## Warnings\n\n");
            plan.warnings().forEach(w -> sb.append("- ").append(w.english()).append('\n'));
        }
        return sb.toString();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
