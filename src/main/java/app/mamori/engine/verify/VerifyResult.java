package app.mamori.engine.verify;

import app.mamori.catalog.Verification;
import app.mamori.model.Note;

import java.util.List;

/**
 * How a verification ended: every check recorded, in order, and the checks that could not run.
 *
 * @param cancelled  whether it stopped early because it was cancelled
 * @param warnings   differences found by checks that passed, and each check that could not run, for the person to
 *                   read: English for the command line, keyed ({@code check.KEY}) for the app
 * @param notChecked checks that could not run, with the reason: not failures, and not in the catalogue's checks
 */
public record VerifyResult(List<Verification> checks, boolean cancelled, List<Note> warnings,
                           List<NotChecked> notChecked) {
    public VerifyResult {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        notChecked = List.copyOf(notChecked);
    }

    public VerifyResult(List<Verification> checks, boolean cancelled, List<Note> warnings) {
        this(checks, cancelled, warnings, List.of());
    }

    /** One check of one artifact that could not run, and why (recorded as an event, not as a check). */
    public record NotChecked(String point, String source, Verification.Method method, String reason) {
    }

    /** True when nothing failed and nothing was cut short; checks that could not run do not count as failed. */
    public boolean ok() {
        return !cancelled && checks.stream().noneMatch(Verification::failed);
    }

    public List<Verification> failures() {
        return checks.stream().filter(Verification::failed).toList();
    }
}
