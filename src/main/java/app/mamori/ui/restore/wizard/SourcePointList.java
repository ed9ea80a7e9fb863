package app.mamori.ui.restore.wizard;

import app.mamori.engine.restore.LastKnownGood;
import app.mamori.service.PointService;
import app.mamori.service.PointService.OfSource;
import app.mamori.ui.AppContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The point step's list of one source's backups: the newest page, older pages on demand, and the
 * page around a point chosen elsewhere (the last known good, a click on the timeline, a file's
 * version found by search), so that a source with years of hourly backups is never read whole.
 * Reads through the app's executor; a read overtaken by a newer one is dropped.
 */
final class SourcePointList {
    /** Backups the list shows at a time: a screenful or two, one query. */
    static final int PAGE = 200;

    private final AppContext app;
    private final Consumer<Throwable> failed;
    private final ObservableList<OfSource> points = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper atNewest = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper moreOlder = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private String source;
    private long generation;

    SourcePointList(AppContext app, Consumer<Throwable> failed) {
        this.app = app;
        this.failed = e -> {
            loading.set(false);
            failed.accept(e);
        };
    }

    /** A page as read, with where it stands in the source's history. */
    private record Page(List<OfSource> points, long total, boolean atNewest, boolean moreOlder) {
    }

    /** Shows the newest page of {@code source} (nothing when null); {@code then} runs once it is shown. */
    void show(String source, Runnable then) {
        this.source = source;
        long mine = ++generation;
        points.clear();
        total.set(0);
        atNewest.set(true);
        moreOlder.set(false);
        loading.set(source != null);
        if (source == null) {
            return;
        }
        app.executor().submit(() -> page(source, service().ofSource(source, null, PAGE)), p -> {
            if (mine == generation) {
                apply(p);
                then.run();
            }
        }, failed);
    }

    /** Back to the newest page, after the list moved to an older point. */
    void showNewest() {
        show(source, () -> { });
    }

    /** Adds the next page of older backups below the list's last. */
    void older() {
        if (source == null || points.isEmpty()) {
            return;
        }
        String s = source;
        OfSource last = points.get(points.size() - 1);
        long mine = ++generation;
        loading.set(true);
        app.executor().submit(() -> service().ofSource(s, last.point(), PAGE), older -> {
            if (mine == generation) {
                loading.set(false);
                points.addAll(older);
                moreOlder.set(older.size() == PAGE);
            }
        }, failed);
    }

    /**
     * Hands {@code chosen} the list's row of point {@code pointId}: at once when it is listed, else
     * once the list shows the page around it; empty when the point does not hold the source.
     */
    void bringIn(String pointId, Consumer<Optional<OfSource>> chosen) {
        Optional<OfSource> listed = row(pointId);
        if (listed.isPresent() || source == null) {
            chosen.accept(listed);
            return;
        }
        String s = source;
        long mine = ++generation;
        loading.set(true);
        app.executor().submit(() -> page(s, service().ofSourceAround(s, pointId, PAGE)), p -> {
            if (mine == generation) {
                loading.set(false);
                if (!p.points().isEmpty()) {
                    apply(p);
                }
                chosen.accept(row(pointId));
            }
        }, failed);
    }

    /**
     * Finds the last known good backup before {@code before} and hands it to {@code chosen} with its
     * row, the list then showing a page that holds it: the newest when it is among them.
     */
    void lastKnownGood(Optional<Instant> before, BiConsumer<LastKnownGood.Choice, Optional<OfSource>> chosen) {
        if (source == null) {
            return;
        }
        String s = source;
        Set<String> listed = ids();
        long mine = ++generation;
        loading.set(true);
        app.executor().submit(() -> {
            LastKnownGood.Choice c = service().lastKnownGood(s, before);
            String id = c.point().map(p -> p.id()).orElse(null);
            if (id != null && listed.contains(id)) {
                return new Chosen(c, null);
            }
            Page newest = page(s, service().ofSource(s, null, PAGE));
            boolean inNewest = id == null || newest.points().stream().anyMatch(p -> p.point().id().equals(id));
            return new Chosen(c, inNewest ? newest : page(s, service().ofSourceAround(s, id, PAGE)));
        }, c -> {
            if (mine == generation) {
                loading.set(false);
                if (c.page() != null) {
                    apply(c.page());
                }
                chosen.accept(c.choice(), c.choice().point().flatMap(p -> row(p.id())));
            }
        }, failed);
    }

    private record Chosen(LastKnownGood.Choice choice, Page page) {
    }

    /** Where {@code read} stands in the source's history. Runs on a worker thread. */
    private Page page(String s, List<OfSource> read) {
        if (read.isEmpty()) {
            return new Page(read, service().countOfSource(s), true, false);
        }
        boolean newest = service().ofSource(s, null, 1).stream()
                .anyMatch(p -> p.point().id().equals(read.get(0).point().id()));
        boolean older = service().olderOfSource(s, read.get(read.size() - 1).point()).isPresent();
        return new Page(read, service().countOfSource(s), newest, older);
    }

    private void apply(Page p) {
        loading.set(false);
        points.setAll(p.points());
        total.set(p.total());
        atNewest.set(p.atNewest());
        moreOlder.set(p.moreOlder());
    }

    private Optional<OfSource> row(String pointId) {
        return points.stream().filter(p -> p.point().id().equals(pointId)).findFirst();
    }

    private Set<String> ids() {
        return Set.copyOf(points.stream().map(p -> p.point().id()).toList());
    }

    private PointService service() {
        return app.services().points();
    }

    ObservableList<OfSource> points() {
        return points;
    }

    /** How many backups the source has in all. */
    ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Whether the list starts at the source's newest backup. */
    ReadOnlyBooleanProperty atNewestProperty() {
        return atNewest.getReadOnlyProperty();
    }

    /** Whether a read is under way: the point step waits for it. */
    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether older backups than the list's last exist. */
    ReadOnlyBooleanProperty moreOlderProperty() {
        return moreOlder.getReadOnlyProperty();
    }
}
