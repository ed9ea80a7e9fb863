package app.mamori.engine;

/** The job is already running, here or in another process; nothing was started. */
public final class JobBusyException extends RuntimeException {
    private final String job;

    public JobBusyException(String job, String message) {
        super(message);
        this.job = job;
    }

    public String job() {
        return job;
    }
}
