package app.mamori.ui.fx;

import app.mamori.catalog.Event;
import app.mamori.model.Note;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a run failed, in the app's language, from its event's phrase: job, source or server, the
 * reason's key, then the reason's arguments. Empty for a reason this build has no sentence for,
 * where the caller shows the stored English.
 */
public final class FailureWords {
    /** The phrases that carry a reason: failed on a source, failed on the job's server. */
    public static final Set<String> PHRASES = Set.of("runFailedBecause", "runFailedOnServer");

    private FailureWords() {
    }

    public static Optional<String> reason(I18n text, Event e) {
        if (e.phrase().isEmpty() || !PHRASES.contains(e.phrase().get().key())) {
            return Optional.empty();
        }
        List<String> args = e.phrase().get().args();
        if (args.size() < 3 || !text.has("reason." + args.get(2))) {
            return Optional.empty();
        }
        return Optional.of(NoteWords.say(text, "reason.", new Note(args.get(2), args.subList(3, args.size()),
                e.message())));
    }
}
