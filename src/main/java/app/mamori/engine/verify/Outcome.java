package app.mamori.engine.verify;

import app.mamori.model.Note;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one check found: passed, damage (evidence: a hash, a format, restored data that differs),
 * or that it could not run at all (a server down, a database user who may not create the
 * scratch database), which says nothing about the artifact and is never recorded as a failure.
 *
 * @param warnings    what a person should see although the check passed (approximate row counts, a scratch
 *                    left behind): English for the command line, keyed ({@code check.KEY}) for the app
 * @param recovery    drills: how long the restore into the scratch target took
 * @param detail      what was checked, or what failed and in which file: English for the command line,
 *                    keyed ({@code check.KEY}) for the app
 * @param couldNotRun the check did not get to look at the artifact; {@code detail} says why
 */
record Outcome(boolean ok, Note detail, List<Note> warnings, Optional<Duration> recovery, boolean couldNotRun) {
    Outcome {
        warnings = List.copyOf(warnings);
        if (ok && couldNotRun) {
            throw new IllegalArgumentException("a check that could not run did not pass");
        }
    }

    /** A check that ran: passed, or found damage. */
    Outcome(boolean ok, Note detail, List<Note> warnings, Optional<Duration> recovery) {
        this(ok, detail, warnings, recovery, false);
    }

    static Outcome passed(Note detail) {
        return new Outcome(true, detail, List.of(), Optional.empty());
    }

    static Outcome failed(Note detail) {
        return new Outcome(false, detail, List.of(), Optional.empty());
    }

    static Outcome couldNotRun(Note reason) {
        return new Outcome(false, reason, List.of(), Optional.empty(), true);
    }

    Outcome withWarning(Note warning) {
        List<Note> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new Outcome(ok, detail, all, recovery, couldNotRun);
    }
}
