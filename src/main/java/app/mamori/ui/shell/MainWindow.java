package app.mamori.ui.shell;

import app.mamori.ui.AppContext;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import app.mamori.ui.fx.TabLeavesText;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** Sidebar on the left, the chosen page on the right. Pages are built on first visit and kept. */
public final class MainWindow {
    private final AppContext app;
    private final Function<Page, Node> pages;
    private final Map<Page, Node> built = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> buttons = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();

    public MainWindow(AppContext app, Function<Page, Node> pages) {
        this.app = app;
        this.pages = pages;
        root.setLeft(sidebar());
        root.setCenter(content);
        root.getStyleClass().add("main-window");
        buttons.get(Page.DASHBOARD).setSelected(true);
        // Ctrl+1 to Ctrl+7 (Cmd on macOS) open the pages in the sidebar's order, from anywhere in the window
        root.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                TabLeavesText.install(scene);
                for (Page p : Page.values()) {
                    scene.getAccelerators().put(shortcut(p), () -> {
                        show(p);
                        buttons.get(p).requestFocus();
                    });
                }
            }
        });
    }

    /** The key that opens {@code p}: Shortcut and its place in the sidebar, 1 to 7. */
    static KeyCodeCombination shortcut(Page p) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (p.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
    }

    private Node sidebar() {
        Label brand = new Label(app.text().t("app.title"));
        brand.getStyleClass().add("brand");
        VBox box = new VBox(4, brand);
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(app.text().t("nav." + p.id()), new FontIcon(p.icon));
            b.setId("nav-" + p.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> show(p));
            b.getStyleClass().add("nav-button");
            buttons.put(p, b);
            box.getChildren().add(b);
        }
        // tooltips only once the window is up: the first one loads the popup machinery, which
        // the first frame does not need
        javafx.application.Platform.runLater(() -> buttons.forEach((p, b) ->
                b.setTooltip(new javafx.scene.control.Tooltip(shortcut(p).getDisplayText()))));
        // a page is always chosen: clicking the chosen button again must not leave none
        group.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null && before != null) {
                before.setSelected(true);
            }
        });
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        box.getChildren().add(spacer);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("sidebar");
        return box;
    }

    /**
     * Shows the dashboard unless a page was chosen already. Called once the window is on the
     * screen: its first page (a table, a dozen skins) is most of the first CSS and layout pass,
     * which would otherwise hold the window back. The sidebar is there from the start.
     */
    public void showFirstPage() {
        if (built.isEmpty()) {
            show(Page.DASHBOARD);
        }
    }

    public void show(Page page) {
        Node node = built.computeIfAbsent(page, pages);
        content.getChildren().setAll(node);
        buttons.get(page).setSelected(true);
    }

    public BorderPane root() {
        return root;
    }
}
