package app.mamori.engine.verify;

import app.mamori.catalog.Verification;

import java.util.List;

/**
 * How a verification ended: every check recorded, in order.
 *
 * @param cancelled whether it stopped early because it was cancelled
 * @param warnings  differences found by checks that passed, for the person to read
 */
public record VerifyResult(List<Verification> checks, boolean cancelled, List<String> warnings) {
    public VerifyResult {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    /** True when nothing failed and nothing was cut short. */
    public boolean ok() {
        return !cancelled && checks.stream().noneMatch(Verification::failed);
    }

    public List<Verification> failures() {
        return checks.stream().filter(Verification::failed).toList();
    }
}
