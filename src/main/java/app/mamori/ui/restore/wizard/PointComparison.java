package app.mamori.ui.restore.wizard;

import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestoreTarget;
import app.mamori.model.SourceKind;
import app.mamori.service.PointDiff;
import app.mamori.service.PointService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.restore.PlanWords;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The side panel of the point step: what changed in the source from the backup before the chosen
 * one to the chosen one (tables and their row counts, or files added, removed and changed), so a
 * sudden drop or a mass deletion shows before anything is restored. Read off the FX thread.
 */
public final class PointComparison {
    private static final int PATHS_SHOWN = 8;

    private final AppContext app;
    private final I18n text;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> copyLines = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper comparingLive =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private long generation;

    PointComparison(AppContext app) {
        this.app = app;
        this.text = app.text();
    }

    /** Compares {@code chosen} with the source's next older point, wherever the list of points ends. */
    void compare(String source, PointService.OfSource chosen) {
        long mine = ++generation;
        lines.clear();
        if (chosen == null) {
            return;
        }
        String after = chosen.point().id();
        app.executor().submit(() -> app.services().points().olderOfSource(source, chosen.point()).map(older -> {
            String before = older.point().id();
            return describe(app.services().history().diff(before, after, Optional.of(source)), before);
        }).orElse(List.of(text.t("wizard.compare.first"))), d -> {
            if (mine == generation) {
                lines.setAll(d);
            }
        }, e -> {
            if (mine == generation) {
                lines.setAll(text.t("wizard.compare.unavailable", ErrorWords.say(app.text(), e)));
            }
        });
    }

    /**
     * Adds to the panel how the live database differs from the chosen backup now, table by table:
     * "today" beside "the backup before". Connects to the server, off the FX thread.
     */
    public void compareLive(String source, PointService.OfSource chosen) {
        if (chosen.artifact().kind() == SourceKind.FILES) {
            compareLiveFiles(source, chosen.point().id());
            return;
        }
        long mine = generation;
        String id = chosen.point().id();
        lines.add(text.t("wizard.compare.liveReading"));
        comparingLive.set(true);
        app.executor().submit(() -> tableRows(app.services().history().tablesOf(id, source),
                app.services().points().tablesNow(source, new RestoreTarget.InPlace(), Optional.of(id)),
                "wizard.compare.liveTable"), rows -> {
            comparingLive.set(false);
            if (mine == generation) {
                lines.remove(text.t("wizard.compare.liveReading"));
                // one change of the list: a heading never shows without its rows
                List<String> found = new ArrayList<>(List.of(text.t("wizard.compare.live", id)));
                found.addAll(rows);
                lines.addAll(found);
            }
        }, e -> {
            comparingLive.set(false);
            if (mine == generation) {
                lines.remove(text.t("wizard.compare.liveReading"));
                lines.add(text.t("wizard.compare.unavailable", ErrorWords.say(app.text(), e)));
            }
        });
    }

    /**
     * Adds to the panel what changed in the live folders since the chosen backup: files added,
     * removed and changed (size or time). Lists the tree on the server, off the FX thread; a
     * failed listing shows the server's own line.
     */
    private void compareLiveFiles(String source, String pointId) {
        long mine = generation;
        String reading = text.t("wizard.compare.liveListing");
        lines.add(reading);
        comparingLive.set(true);
        app.executor().submit(() -> app.services().points().filesNow(source, pointId), d -> {
            comparingLive.set(false);
            if (mine == generation) {
                lines.remove(reading);
                List<String> found = new ArrayList<>(List.of(text.t("wizard.compare.liveFiles", pointId)));
                files(found, d);
                lines.addAll(found);
            }
        }, e -> {
            comparingLive.set(false);
            if (mine == generation) {
                lines.remove(reading);
                lines.add(text.t("wizard.compare.unavailable", ErrorWords.say(app.text(), e)));
            }
        });
    }

    /** After a restore into a copy beside the live data: the copy's tables beside the live ones, as they are now. */
    void compareCopy(RestorePlan plan) {
        copyLines.clear();
        String source = plan.source().name();
        boolean copy = plan.target() instanceof RestoreTarget.NewDatabase
                || plan.target() instanceof RestoreTarget.ToPath && plan.source() instanceof app.mamori.model.Source.Sqlite;
        if (!copy) {
            return;
        }
        copyLines.add(text.t("wizard.compare.liveReading"));
        app.executor().submit(() -> tableRows(
                app.services().points().tablesNow(source, plan.target(), Optional.of(plan.pointId())),
                app.services().points().tablesNow(source, new RestoreTarget.InPlace(), Optional.of(plan.pointId())),
                "wizard.compare.copyTable"), rows -> {
            copyLines.setAll(text.t("wizard.compare.copy", PlanWords.target(text, plan)));
            copyLines.addAll(rows);
        }, e -> copyLines.setAll(text.t("wizard.compare.unavailable", ErrorWords.say(app.text(), e))));
    }

    /** One line per table of either side: {@code key} with name, left rows, right rows and the change. */
    private List<String> tableRows(Map<String, Long> left, Map<String, Long> right, String key) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(left.keySet());
        names.addAll(right.keySet());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            OptionalLong a = left.containsKey(name) ? OptionalLong.of(left.get(name)) : OptionalLong.empty();
            OptionalLong b = right.containsKey(name) ? OptionalLong.of(right.get(name)) : OptionalLong.empty();
            out.add(text.t(key, name, rows(a), rows(b), change(a, b)));
        }
        return out;
    }

    public ObservableList<String> copyLines() {
        return copyLines;
    }

    List<String> describe(PointDiff d, String before) {
        List<String> out = new ArrayList<>();
        out.add(text.t("wizard.compare.since", before));
        if (d instanceof PointDiff.Tables t) {
            if (t.tables().isEmpty()) {
                out.add(text.t("wizard.compare.noTables"));
            }
            for (PointDiff.Table table : t.tables()) {
                out.add(text.t("wizard.compare.table", table.name(), rows(table.rowsA()), rows(table.rowsB()),
                        change(table.rowsA(), table.rowsB())));
            }
        } else if (d instanceof PointDiff.Files f) {
            files(out, f);
        }
        return out;
    }

    private void files(List<String> out, PointDiff.Files f) {
        out.add(text.t("wizard.compare.files", f.added().size(), f.removed().size(), f.changed().size()));
        paths(out, "wizard.compare.added", f.added());
        paths(out, "wizard.compare.removed", f.removed());
        paths(out, "wizard.compare.changed", f.changed());
    }

    private void paths(List<String> out, String key, List<String> paths) {
        paths.stream().limit(PATHS_SHOWN).forEach(p -> out.add(text.t(key, p)));
        if (paths.size() > PATHS_SHOWN) {
            out.add(text.t("wizard.compare.more", paths.size() - PATHS_SHOWN));
        }
    }

    private String rows(OptionalLong n) {
        return n.isPresent() ? Long.toString(n.getAsLong()) : text.t("wizard.compare.absent");
    }

    private static String change(OptionalLong a, OptionalLong b) {
        if (a.isEmpty() || b.isEmpty() || a.getAsLong() == b.getAsLong()) {
            return "";
        }
        long d = b.getAsLong() - a.getAsLong();
        return d > 0 ? "(+" + d + ")" : "(" + d + ")";
    }

    /** While the live data is being read: one reading at a time per panel (a listing can take a while). */
    public javafx.beans.property.ReadOnlyBooleanProperty comparingLiveProperty() {
        return comparingLive.getReadOnlyProperty();
    }

    public ObservableList<String> lines() {
        return lines;
    }
}
