package app.mamori.ui.servers;

import app.mamori.engine.discover.DiscoveryListener;
import app.mamori.model.Note;
import app.mamori.source.discover.DiscoveryStep;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.NoteWords;
import javafx.collections.ObservableList;

import java.time.Duration;

/**
 * Discovery's steps as lines a person reads while it runs ("PostgreSQL databases: looking…",
 * then what it found and how long it took), for the server wizard and Rediscover alike.
 */
final class DiscoverySteps {
    private DiscoverySteps() {
    }

    /** A listener, called on the worker, that keeps {@code lines} (read on the FX thread) up to date. */
    static DiscoveryListener into(AppContext app, ObservableList<String> lines) {
        return new DiscoveryListener() {
            @Override
            public void stepStarted(DiscoveryStep step) {
                String line = app.text().t("discover.looking", app.text().t("discover.step." + step.id()));
                app.executor().onUi(() -> lines.add(line));
            }

            @Override
            public void stepFinished(DiscoveryStep step, Note found, Duration elapsed) {
                String label = app.text().t("discover.step." + step.id());
                String looking = app.text().t("discover.looking", label);
                String done = app.text().t("discover.found", label, NoteWords.say(app.text(), "discover.", found),
                        elapsed.toMillis() / 100 / 10.0);
                app.executor().onUi(() -> {
                    int i = lines.indexOf(looking);
                    if (i >= 0) {
                        lines.set(i, done);
                    } else {
                        lines.add(done);
                    }
                });
            }
        };
    }
}
