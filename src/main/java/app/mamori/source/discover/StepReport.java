package app.mamori.source.discover;

import app.mamori.model.Note;

import java.util.List;

/**
 * What one discovery step found.
 *
 * @param summary  one line for a person while discovery runs: "2 databases: shop, wiki", "needs credentials",
 *                 keyed under {@code discover.} in the app's bundles
 * @param tools    backup tools present (the tools step only)
 * @param findings what can be backed up, each with its suggested source
 * @param notes    what could not be looked at and why, and what to do
 */
public record StepReport(DiscoveryStep step, Note summary, List<String> tools, List<Finding> findings,
                         List<Note> notes) {
    public StepReport {
        tools = List.copyOf(tools);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }
}
