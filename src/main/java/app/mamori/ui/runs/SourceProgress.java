package app.mamori.ui.runs;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.OptionalLong;

/** One source of a running job, as its row shows it. Changed on the FX thread only. */
public final class SourceProgress {
    public enum Phase { WAITING, RUNNING, DONE, FAILED }

    private final String source;
    private final String description;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.WAITING);
    private final LongProperty bytes = new SimpleLongProperty();
    /** Bytes per second, 0 until known. */
    private final LongProperty throughput = new SimpleLongProperty();
    /** Seconds left, -1 when unknown (no earlier run to compare with). */
    private final LongProperty etaSeconds = new SimpleLongProperty(-1);
    private final StringProperty error = new SimpleStringProperty("");

    public SourceProgress(String source, String description) {
        this.source = source;
        this.description = description;
    }

    public String source() {
        return source;
    }

    public String description() {
        return description;
    }

    void started() {
        phase.set(Phase.RUNNING);
    }

    /** @param expected the previous run's size, or -1 */
    void progress(long bytesSoFar, long expected, long elapsedNanos) {
        bytes.set(bytesSoFar);
        long rate = elapsedNanos <= 0 ? 0 : (long) (bytesSoFar / (elapsedNanos / 1e9));
        throughput.set(rate);
        etaSeconds.set(eta(bytesSoFar, expected, rate).orElse(-1));
    }

    static OptionalLong eta(long bytesSoFar, long expected, long rate) {
        if (expected <= 0 || rate <= 0) {
            return OptionalLong.empty();
        }
        long left = Math.max(0, expected - bytesSoFar);
        return OptionalLong.of(Duration.ofMillis(left * 1000 / rate).toSeconds());
    }

    void finished(boolean ok, String message) {
        phase.set(ok ? Phase.DONE : Phase.FAILED);
        etaSeconds.set(ok ? 0 : -1);
        error.set(message == null ? "" : message);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyLongProperty bytesProperty() {
        return bytes;
    }

    public ReadOnlyLongProperty throughputProperty() {
        return throughput;
    }

    public ReadOnlyLongProperty etaSecondsProperty() {
        return etaSeconds;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
