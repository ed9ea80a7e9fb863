package app.mamori.ui.restore.wizard;

import app.mamori.catalog.TimelineScope;
import app.mamori.model.SourceKind;
import app.mamori.service.PointService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.Columns;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.restore.TargetKind;
import app.mamori.ui.restore.wizard.RestoreWizardModel.SourceOption;
import app.mamori.ui.restore.wizard.RestoreWizardModel.Step;
import app.mamori.ui.timeline.TimelineControl;
import app.mamori.ui.timeline.TimelineText;
import app.mamori.ui.timeline.TimelineViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

import java.util.Locale;

/** The wizard's seven pages, each bound to the model; one method per page. */
final class WizardPages {
    private final AppContext app;
    private final I18n text;
    private final Format format;
    private final RestoreWizardModel model;

    WizardPages(AppContext app, Format format, RestoreWizardModel model) {
        this.app = app;
        this.text = app.text();
        this.format = format;
        this.model = model;
    }

    Node page(Step s) {
        return switch (s) {
            case WHAT -> what();
            case WHEN -> when();
            case POINT -> point();
            case PARTS -> parts();
            case WHERE -> where();
            case REVIEW -> review();
            case RUN -> titled(Step.RUN, text.t("wizard.run.question"), new RunPage(text, format, model).content());
        };
    }

    private VBox titled(Step s, String question, Node... content) {
        Label title = new Label(text.t(RestoreWizard.key(s)));
        title.getStyleClass().add("title-3");
        Label q = WizardCells.wrapped(question);
        VBox box = new VBox(12, title, q);
        box.getChildren().addAll(content);
        return box;
    }

    private Node what() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(14);
        for (Happened h : Happened.values()) {
            RadioButton r = new RadioButton(text.t(h.key() + ".title"));
            r.setId("wizard-what-" + h.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            r.setToggleGroup(group);
            r.setUserData(h);
            r.getStyleClass().add("text-bold");
            Label detail = WizardCells.wrapped(text.t(h.key() + ".detail"));
            detail.getStyleClass().add("text-muted");
            detail.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
            choices.getChildren().add(new VBox(4, r, detail));
        }
        group.selectedToggleProperty().addListener((o, a, t) -> model.happenedProperty().set(
                t == null ? null : (Happened) t.getUserData()));
        model.happenedProperty().addListener((o, a, h) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == h).findFirst().ifPresent(t -> t.setSelected(true)));
        return titled(Step.WHAT, text.t("wizard.what.question"), choices);
    }

    private Node when() {
        TextField time = new TextField();
        time.setId("wizard-when");
        time.setPromptText(text.t("wizard.when.hint"));
        time.setMaxWidth(260);
        time.textProperty().bindBidirectional(model.wentWrongProperty());
        time.disableProperty().bind(model.dontKnowProperty());
        CheckBox dontKnow = new CheckBox(text.t("wizard.when.dontKnow"));
        dontKnow.setId("wizard-dont-know");
        dontKnow.selectedProperty().bindBidirectional(model.dontKnowProperty());
        Label zone = WizardCells.wrapped(text.t("wizard.when.zone", format.zone().getId()));
        zone.getStyleClass().add("text-muted");
        return titled(Step.WHEN, text.t("wizard.when.question"), time, zone, dontKnow);
    }

    private Node point() {
        ComboBox<SourceOption> source = new ComboBox<>(model.sources());
        source.setId("wizard-source");
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(SourceOption s) {
                return s == null ? "" : text.t("wizard.point.sourceLabel", s.name(), s.kind().id(), s.source().server());
            }

            @Override
            public SourceOption fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        source.valueProperty().bindBidirectional(model.sourceProperty());
        TimelineViewModel timeline = new TimelineViewModel(app.services().timeline(format.zone()), app.executor(),
                new TimelineText(text, format.zone()), app.clock());
        TimelineControl control = new TimelineControl(timeline, text, format.zone());
        control.setId("wizard-timeline");
        control.setPrefHeight(190);
        control.setMinHeight(140);
        // the job that backs the source up: its lanes only, so the source's own lane is in view
        model.points().addListener((javafx.collections.ListChangeListener<PointService.OfSource>) c -> {
            if (!model.points().isEmpty()) {
                String job = model.points().get(0).point().point().job();
                if (!TimelineScope.job(job).equals(timeline.scopeProperty().get())) {
                    timeline.show(TimelineScope.job(job));
                }
            }
        });
        TableView<PointService.OfSource> table = new TableView<>(model.points());
        table.setId("wizard-points");
        table.setPlaceholder(new Label(text.t("wizard.point.empty")));
        // widths measured in this language, "verified" above its time (cut short, "verified 2026-12-…"
        // said nothing), and the point by its name within the job (the source's), so that the four
        // columns fit at 1280x720 in Japanese too
        String time = format.when(java.time.Instant.parse("2026-12-28T22:48:58Z"));
        table.getColumns().add(sized(Columns.text(text.t("restore.col.time"), p -> format.when(p.point().point().time())),
                fits(time)));
        table.getColumns().add(sized(Columns.wrapping(text.t("restore.col.checked"),
                p -> CheckWords.point(text, t -> "\n" + format.when(t), p.check())), fits(time)));
        table.getColumns().add(sized(Columns.text(text.t("restore.col.size"), p -> format.bytes(p.artifact().size())),
                fits(format.bytes(999_900_000L))));
        table.getColumns().add(Columns.text(text.t("restore.col.id"),
                p -> p.point().id().substring(p.point().id().indexOf('/') + 1)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                model.pointProperty().set(p);
            }
        });
        // the chosen point is marked on the timeline too, whoever chose it (the wizard, the list, a search)
        model.pointProperty().addListener((o, a, p) -> {
            if (p != null && model.sourceProperty().get() != null && (timeline.selectionProperty().get() == null
                    || !timeline.selectionProperty().get().point().id().equals(p.point().id()))) {
                timeline.selectPoint(model.sourceProperty().get().name(), p.point().id(), p.point().point().time());
            }
        });
        model.pointProperty().addListener((o, a, p) -> {
            if (p != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(p);
                if (p != null) {
                    table.scrollTo(p);
                }
            }
        });
        // a point clicked on the timeline is chosen, when it holds this source, the list moving to it
        timeline.selectionProperty().addListener((o, a, s) -> {
            if (s != null) {
                model.choosePoint(s.point().id());
            }
        });
        Label reason = WizardCells.wrapped("");
        reason.setId("wizard-point-reason");
        reason.textProperty().bind(model.pointReasonProperty());
        reason.getStyleClass().add("accent");
        HBox top = new HBox(10, new Label(text.t("restore.source")), source);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ListView<String> compared = new ListView<>(model.comparison().lines());
        compared.setId("wizard-comparison");
        compared.setPrefWidth(270);
        compared.setMinWidth(240);
        WizardCells.wrapping(compared, x -> x);
        compared.setPlaceholder(new Label(text.t("wizard.compare.none")));
        Button live = new Button();
        live.setId("wizard-compare-live");
        live.setMaxWidth(Double.MAX_VALUE);
        live.disableProperty().bind(model.pointProperty().isNull().or(model.comparison().comparingLiveProperty()));
        live.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.sourceProperty().get() != null
                && model.sourceProperty().get().kind() != SourceKind.DOCKER_VOLUME, model.sourceProperty()));
        live.textProperty().bind(Bindings.createStringBinding(() -> text.t(model.sourceProperty().get() != null
                && model.sourceProperty().get().kind() == SourceKind.FILES ? "wizard.compare.liveFilesButton"
                : "wizard.compare.liveButton"), model.sourceProperty()));
        live.managedProperty().bind(live.visibleProperty());
        live.setOnAction(e -> model.comparison().compareLive(model.sourceProperty().get().name(),
                model.pointProperty().get()));
        VBox.setVgrow(compared, Priority.ALWAYS);
        VBox side = new VBox(8, compared, live, alsoRestore());
        VBox listed = new VBox(6, table, pageBar());
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(listed, Priority.ALWAYS);
        HBox lists = new HBox(10, listed, side);
        VBox.setVgrow(lists, Priority.ALWAYS);
        return titled(Step.POINT, text.t("wizard.point.question"), top, reason, control, lists);
    }

    /** Under the list: how many of the source's backups it shows, older ones, and back to the newest. */
    private Node pageBar() {
        SourcePointList list = model.pointList();
        Label shown = new Label();
        shown.setId("wizard-points-shown");
        shown.textProperty().bind(Bindings.createStringBinding(() -> list.totalProperty().get() == 0 ? ""
                : text.t("wizard.point.shown", list.points().size(), list.totalProperty().get()),
                list.points(), list.totalProperty()));
        Button older = new Button(text.t("restore.more", SourcePointList.PAGE));
        older.setId("wizard-points-older");
        older.visibleProperty().bind(list.moreOlderProperty());
        older.managedProperty().bind(older.visibleProperty());
        older.setOnAction(e -> list.older());
        Button newest = new Button(text.t("wizard.point.newest"));
        newest.setId("wizard-points-newest");
        newest.visibleProperty().bind(list.atNewestProperty().not());
        newest.managedProperty().bind(newest.visibleProperty());
        newest.setOnAction(e -> list.showNewest());
        HBox bar = new HBox(12, shown, older, newest);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    /** A whole server lost: the other sources on its server, ticked to restore in the same pass. */
    private Node alsoRestore() {
        ServerBatch batch = model.batch();
        Label title = WizardCells.wrapped(text.t("wizard.server.also"));
        VBox boxes = new VBox(4);
        VBox pane = new VBox(6, title, boxes);
        pane.setId("wizard-also");
        Runnable show = () -> boxes.getChildren().setAll(batch.candidates().stream().map(s -> {
            CheckBox b = new CheckBox(text.t("wizard.server.option", s.name(), s.kind().id()));
            b.setId("wizard-also-" + s.name());
            b.setWrapText(true);
            b.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    batch.chosen().add(s.name());
                } else {
                    batch.chosen().remove(s.name());
                }
            });
            return b;
        }).toList());
        batch.candidates().addListener((javafx.collections.ListChangeListener<SourceOption>) c -> show.run());
        pane.visibleProperty().bind(Bindings.isNotEmpty(batch.candidates()));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private Node parts() {
        ToggleGroup group = new ToggleGroup();
        RadioButton whole = new RadioButton(text.t("wizard.parts.whole"));
        whole.setId("wizard-whole");
        whole.setToggleGroup(group);
        RadioButton part = new RadioButton();
        part.setId("wizard-part");
        part.setToggleGroup(group);
        whole.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, t) -> model.wholeProperty().set(t == whole));
        model.wholeProperty().addListener((o, a, w) -> (w ? whole : part).setSelected(true));
        TextField only = new TextField();
        only.setId("wizard-parts");
        only.textProperty().bindBidirectional(model.partsProperty());
        only.disableProperty().bind(model.wholeProperty());
        Label none = WizardCells.wrapped("");
        none.getStyleClass().add("text-muted");
        Runnable offer = () -> {
            SourceOption s = model.sourceProperty().get();
            String key = s == null ? null : TargetKind.narrowingKey(s.kind());
            part.setVisible(key != null);
            only.setVisible(key != null);
            none.setVisible(key == null);
            if (key != null) {
                part.setText(text.t("wizard.parts." + s.kind().id()));
                only.setPromptText(text.t(key + ".hint"));
            } else if (s != null) {
                none.setText(text.t("wizard.parts.wholeOnly", s.name()));
            }
        };
        model.sourceProperty().addListener((o, a, s) -> offer.run());
        offer.run();
        Label from = WizardCells.wrapped("");
        from.setId("wizard-parts-from");
        from.textProperty().bind(Bindings.createStringBinding(() -> model.pointProperty().get() == null ? ""
                : text.t("wizard.parts.from", model.pointProperty().get().point().id(),
                format.when(model.pointProperty().get().point().point().time())), model.pointProperty()));
        from.getStyleClass().add("text-muted");
        javafx.scene.control.Tab browse = new javafx.scene.control.Tab(text.t("wizard.browse.tab"),
                new FolderBrowserPane(text, format, model).root());
        javafx.scene.control.Tab find = new javafx.scene.control.Tab(text.t("wizard.find.tab"),
                new FileSearchPane(text, format, model).root());
        javafx.scene.control.TabPane search = new javafx.scene.control.TabPane(browse, find);
        search.setId("wizard-parts-tabs");
        search.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        search.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.sourceProperty().get() != null
                && model.sourceProperty().get().kind() == SourceKind.FILES, model.sourceProperty()));
        search.managedProperty().bind(search.visibleProperty());
        VBox.setVgrow(search, Priority.ALWAYS);
        return titled(Step.PARTS, text.t("wizard.parts.question"), from, whole, part, only, none, search);
    }

    private Node where() {
        ComboBox<TargetKind> kind = new ComboBox<>(model.targetKinds());
        kind.setId("wizard-target-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(TargetKind k) {
                SourceOption s = model.sourceProperty().get();
                return k == null || s == null ? "" : text.t(k.labelKey(s.kind()));
            }

            @Override
            public TargetKind fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        kind.valueProperty().bindBidirectional(model.targetKindProperty());
        TextField where = new TextField();
        where.setId("wizard-where");
        where.textProperty().bindBidirectional(model.whereProperty());
        HBox.setHgrow(where, Priority.ALWAYS);
        Button browse = new Button(text.t("restore.chooseFolder"));
        browse.setId("wizard-browse");
        browse.visibleProperty().bind(model.targetKindProperty().isEqualTo(TargetKind.TO_LOCAL));
        browse.managedProperty().bind(browse.visibleProperty());
        browse.setOnAction(e -> {
            java.io.File dir = new DirectoryChooser().showDialog(browse.getScene().getWindow());
            if (dir != null) {
                model.whereProperty().set(dir.getAbsolutePath());
            }
        });
        HBox whereRow = new HBox(8, where, browse);
        whereRow.visibleProperty().bind(model.targetKindProperty().isNotEqualTo(TargetKind.IN_PLACE));
        whereRow.managedProperty().bind(whereRow.visibleProperty());
        Label warning = WizardCells.wrapped("");
        warning.getStyleClass().add("danger");
        TextField confirm = new TextField();
        confirm.setId("wizard-confirm-name");
        confirm.setMaxWidth(320);
        confirm.textProperty().bindBidirectional(model.confirmNameProperty());
        VBox inPlace = new VBox(8, warning, confirm);
        inPlace.visibleProperty().bind(model.targetKindProperty().isEqualTo(TargetKind.IN_PLACE));
        inPlace.managedProperty().bind(inPlace.visibleProperty());
        model.sourceProperty().addListener((o, a, s) -> warning.setText(s == null ? ""
                : text.t("wizard.where.inPlaceWarning", s.name())));
        return titled(Step.WHERE, text.t("wizard.where.question"), kind, whereRow, inPlace);
    }

    private Node review() {
        TextArea plan = new TextArea();
        plan.setId("wizard-plan");
        plan.setEditable(false);
        plan.setWrapText(true);
        plan.textProperty().bind(model.planTextProperty());
        VBox.setVgrow(plan, Priority.ALWAYS);
        TextField line = new TextField();
        line.setId("wizard-command-line");
        line.setEditable(false);
        line.textProperty().bind(model.commandLineProperty());
        HBox.setHgrow(line, Priority.ALWAYS);
        Button copy = new Button(text.t("wizard.review.copy"));
        copy.setId("wizard-copy-command");
        copy.setOnAction(e -> WizardCells.copy(line.getText()));
        return titled(Step.REVIEW, text.t("wizard.review.question"), plan,
                new Label(text.t("wizard.review.commandLine")), new HBox(8, line, copy));
    }

    /** Room for {@code text} in a cell: measured in the default font, and the cell's padding. */
    private static double fits(String text) {
        return Columns.textWidth(text) + 18;
    }

    /** A column at least {@code width} wide: a time or a size cut short is worse than a wider table. */
    private static <T> javafx.scene.control.TableColumn<T, String> sized(javafx.scene.control.TableColumn<T, String> c,
                                                                      double width) {
        c.setMinWidth(Math.max(c.getMinWidth(), width));
        c.setPrefWidth(c.getMinWidth());
        return c;
    }

}
