package app.mamori.ui.restore.wizard;

import app.mamori.service.PointDiff;
import app.mamori.service.PointService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
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
    private long generation;

    PointComparison(AppContext app) {
        this.app = app;
        this.text = app.text();
    }

    /** Compares {@code chosen} with the next older point in {@code newestFirst}. */
    void compare(String source, PointService.OfSource chosen, List<PointService.OfSource> newestFirst) {
        long mine = ++generation;
        lines.clear();
        if (chosen == null) {
            return;
        }
        int i = newestFirst.indexOf(chosen);
        if (i < 0 || i == newestFirst.size() - 1) {
            lines.add(text.t("wizard.compare.first"));
            return;
        }
        String before = newestFirst.get(i + 1).point().id();
        String after = chosen.point().id();
        app.executor().submit(() -> app.services().history().diff(before, after, Optional.of(source)), d -> {
            if (mine == generation) {
                lines.setAll(describe(d, before));
            }
        }, e -> {
            if (mine == generation) {
                lines.setAll(text.t("wizard.compare.unavailable", e.getMessage() == null ? e.toString()
                        : e.getMessage()));
            }
        });
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
            out.add(text.t("wizard.compare.files", f.added().size(), f.removed().size(), f.changed().size()));
            paths(out, "wizard.compare.added", f.added());
            paths(out, "wizard.compare.removed", f.removed());
            paths(out, "wizard.compare.changed", f.changed());
        }
        return out;
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

    public ObservableList<String> lines() {
        return lines;
    }
}
