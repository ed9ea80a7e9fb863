package app.mamori.model;

import java.util.Optional;

/**
 * A value the admin gave was refused. The message is the English the command line prints, naming
 * its option ({@code --schedule: ...}); {@link #reason()} says the same keyed under {@code reason.},
 * so that a form can say it in the app's language and in its own field names.
 */
public class Refused extends IllegalArgumentException implements Noted {
    private static final long serialVersionUID = 1L;

    private final transient Note reason;

    public Refused(Note reason) {
        super(reason.english());
        this.reason = reason;
    }

    /** A refusal keyed {@code key}; {@code english} is what the command line prints. */
    public static Refused of(String key, String english, Object... args) {
        return new Refused(Note.of(key, english, args));
    }

    @Override
    public Optional<Note> reason() {
        return Optional.of(reason);
    }
}
