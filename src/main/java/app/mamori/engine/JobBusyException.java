package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.model.Noted;

import java.util.Optional;

/**
 * The job is already running, here or in another process; nothing was started. The message says
 * who holds it, for the command line; the reason says that the job is busy, in the app's language.
 */
public final class JobBusyException extends RuntimeException implements Noted {
    private final String job;

    public JobBusyException(String job, String message) {
        super(message);
        this.job = job;
    }

    public String job() {
        return job;
    }

    @Override
    public Optional<Note> reason() {
        return Optional.of(Note.of("jobBusy", getMessage(), job));
    }
}
