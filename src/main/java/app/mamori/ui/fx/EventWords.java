package app.mamori.ui.fx;

import app.mamori.catalog.Event;
import app.mamori.model.Note;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An event's sentence in the app's language, from the message key and arguments the engine
 * recorded beside its English text (catalog.Event#phrase). Rows from before keys were recorded,
 * and keys this build does not know, show the stored English text: nothing is ever blank.
 * Texts a server or tool wrote (an error message) come in as arguments and stay as written.
 */
public final class EventWords {
    private final I18n text;
    private final Format format;
    private final IncidentWords incidents;

    public EventWords(I18n text, Format format) {
        this.text = text;
        this.format = format;
        this.incidents = new IncidentWords(text);
    }

    public String of(Event e) {
        if (e.phrase().isEmpty() || !text.has("event." + e.phrase().get().key())) {
            return e.message();
        }
        String key = e.phrase().get().key();
        List<Object> args = new ArrayList<>(e.phrase().get().args());
        switch (key) {
            case "notifySent", "notifyFailed", "notifyTestSent", "notifyTestFailed" -> {
                args.set(1, text.has("notify.on." + args.get(1)) ? text.t("notify.on." + args.get(1)) : args.get(1));
                // a failure's reason, keyed after its English
                Note.carried(e.phrase().get().args(), 2).filter(r -> text.has("reason." + r.key()))
                        .ifPresent(r -> args.set(2, NoteWords.say(text, "reason.", r)));
            }
            case "incidentOpened", "incidentClosed" -> args.set(1, incidents.kind((String) args.get(1)));
            case "runMissed" -> args.set(2, time((String) args.get(2)));
            case "verifyFailed", "verifyNotRun", "copyCheckFailed" -> {
                args.set(0, CheckWords.method(text, (String) args.get(0)));
                // the copy's phrase names its vault before what the check found
                found(args, e.phrase().get().args(), key.equals("copyCheckFailed") ? 4 : 3);
            }
            case "drillFailed", "drillNotRun" -> {
                // each finding, or why it could not drill, follows the English list as a keyed note
                List<Note> items = Note.listed(e.phrase().get().args(), 3);
                if (!items.isEmpty()) {
                    args.set(2, CheckWords.list(text, items));
                }
            }
            case "drillCouldNotRun", "copyFailed", "copyPointFailed" -> {
                // job and point, or point and vault, then why: the cause's reason where it has one
                return NoteWords.carrying(text, "event.", new Note(key, e.phrase().get().args(), e.message()), 2);
            }
            case "verifyFinished" -> {
                return verifyFinished(args);
            }
            case "runFailedBecause", "runFailedOnServer" -> {
                return runFailedBecause(e, key, e.phrase().get().args());
            }
            default -> {
            }
        }
        return text.t("event." + key, args.toArray());
    }

    /**
     * A run that failed on one source (or on its server), for a reason said in the app's words:
     * job, source (or server), the reason's key and its arguments. A reason this build has no
     * sentence for shows the stored English.
     */
    private String runFailedBecause(Event e, String key, List<String> args) {
        return FailureWords.reason(text, e).map(reason -> text.t("event." + key, args.get(0), args.get(1), reason))
                .orElse(e.message());
    }

    /** "verify: 3 artifact(s), 9 check(s), 0 failed", with what could not run and a cancel only when they happened. */
    private String verifyFinished(List<Object> args) {
        String s = text.t("event.verifyFinished", args.get(0), args.get(1), args.get(2));
        if (!"0".equals(args.get(3))) {
            s += text.t("event.verifyFinished.notRun", args.get(3));
        }
        return "0".equals(args.get(4)) ? s : s + text.t("event.verifyFinished.cancelled");
    }

    /**
     * What a check found, at {@code at}: its English, followed (since checks keep their sentence
     * keys) by its key and arguments; events written before show the English.
     */
    private void found(List<Object> args, List<String> recorded, int at) {
        Note.carried(recorded, at).ifPresent(found -> args.set(at, CheckWords.detail(text, found)));
    }

    private String time(String instant) {
        try {
            return format.when(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
