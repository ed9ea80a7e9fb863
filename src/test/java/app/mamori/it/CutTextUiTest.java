package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.restore.wizard.RestoreWizard;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and dialog at 1280x720, with real data in it: no label, header, button or cell
 * may show its text cut off with an ellipsis. (Where text must be cut, the control shows it
 * whole in a tooltip and is listed in {@link #CUT_WITH_TOOLTIP}.)
 */
@ExtendWith(SshdExtension.class)
class CutTextUiTest {
    private AppWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    /** Every text a window shows cut, as "where: full text". */
    static List<String> cutTexts(Window w) {
        List<String> cut = new ArrayList<>();
        if (w.getScene() != null) {
            walk(w.getScene().getRoot(), cut);
        }
        return cut;
    }

    private static void walk(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getTooltip() == null) {
            for (Node child : l.getChildrenUnmodifiable()) {
                // the skin's text node shows the clipped string, with the control's ellipsis ("..." by default)
                if (child instanceof Text t && t.getText() != null && !t.getText().equals(l.getText())
                        && t.getText().contains(l.getEllipsisString())) {
                    cut.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + ": " + l.getText());
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, cut);
            }
        }
    }

    private List<String> cutEverywhere() {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            cutTexts(w).forEach(c -> cut.add(((Stage) w).getTitle() + " | " + c));
        }
        return cut;
    }

    /** Opens a dialog from a page, collects what it cuts, and closes it with Escape (which every dialog must obey). */
    private List<String> dialog(String page, String button, String field) throws Exception {
        window.robot.clickOn(page);
        if (page.equals("#nav-servers")) {
            window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                    .select(0));
        }
        window.robot.clickOn(button);
        AppWindow.await(() -> window.robot.lookup(field).tryQuery().isPresent());
        List<String> cut = cutEverywhere().stream().map(c -> button + " | " + c).toList();
        int before = Window.getWindows().size();
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == before - 1);
        return cut;
    }

    /** Rediscover once it has looked (its list, notes and counts filled), then closed with Escape. */
    private List<String> rediscover() throws Exception {
        window.robot.clickOn("#nav-servers");
        window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                .select(0));
        window.robot.clickOn("#servers-rediscover");
        AppWindow.await(() -> window.robot.lookup("#rediscover-known").tryQuery()
                .map(l -> !((javafx.scene.control.Label) l).getText().isEmpty()).orElse(false));
        List<String> cut = cutEverywhere().stream().map(c -> "#servers-rediscover | " + c).toList();
        int before = Window.getWindows().size();
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == before - 1);
        return cut;
    }

    /** Add source for a folders source, then Browse... listing the server's root; both closed with Escape. */
    private List<String> browseFolders() throws Exception {
        window.robot.clickOn("#nav-servers");
        window.robot.interact(() -> window.robot.lookup("#servers-table").queryTableView().getSelectionModel()
                .select(0));
        int before = Window.getWindows().size();
        window.robot.clickOn("#servers-add-source");
        AppWindow.await(() -> window.robot.lookup("#source-kind").tryQuery().isPresent());
        window.robot.interact(() -> window.robot.lookup("#source-kind").queryComboBox()
                .setValue(app.mamori.model.SourceKind.FILES));
        List<String> cut = new ArrayList<>(cutEverywhere().stream().map(c -> "#servers-add-source | " + c).toList());
        window.robot.clickOn("#source-browse");
        AppWindow.await(() -> window.robot.lookup("#browse-folders").tryQuery()
                .map(t -> !((javafx.scene.control.TableView<?>) t).getItems().isEmpty()).orElse(false));
        cut.addAll(cutEverywhere().stream().map(c -> "#source-browse | " + c).toList());
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == before + 1);
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == before);
        return cut;
    }

    /** Walks the restore wizard's pages up to the review, collecting what each cuts, and closes it with Escape. */
    private List<String> wizard() throws Exception {
        window.robot.clickOn("#nav-restore");
        window.robot.clickOn("#restore-wizard");
        AppWindow.await(() -> window.robot.lookup("#wizard-what-database").tryQuery().isPresent());
        int before = Window.getWindows().size();
        List<String> cut = new ArrayList<>();
        for (String step : List.of("what", "when", "point", "parts", "where", "review")) {
            if (step.equals("when")) {
                window.robot.clickOn("#wizard-what-database");
            }
            if (!step.equals("what")) {
                if (step.equals("point")) {
                    window.robot.clickOn("#wizard-dont-know");
                }
                window.robot.clickOn("#wizard-next");
                AppWindow.await(() -> window.robot.lookup("#wizard-step-" + step).queryLabeled().getStyleClass()
                        .contains("accent"));
            }
            Thread.sleep(200);
            cut.addAll(cutEverywhere().stream().map(c -> "wizard " + step + " | " + c).toList());
        }
        window.robot.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == before - 1);
        return cut;
    }

    /**
     * Walks the restore wizard for a files source of a lost server: the point step with the live
     * folders compared and another source ticked to restore with it, the folder browser with a
     * folder opened and ticked, and the search with a file found.
     */
    private List<String> filesWizard() throws Exception {
        var r = window.robot;
        r.clickOn("#nav-restore");
        r.clickOn("#restore-wizard");
        AppWindow.await(() -> r.lookup("#wizard-what-server").tryQuery().isPresent());
        var wizard = Window.getWindows().stream().filter(w -> w.getUserData() instanceof RestoreWizard)
                .map(w -> ((RestoreWizard) w.getUserData()).model()).findFirst().orElseThrow();
        int before = Window.getWindows().size();
        r.clickOn("#wizard-what-server");
        r.clickOn("#wizard-next");
        r.clickOn("#wizard-dont-know");
        r.clickOn("#wizard-next");
        r.interact(() -> wizard.sourceProperty().set(wizard.sources().stream().filter(s -> s.name().equals("uploads"))
                .findFirst().orElseThrow()));
        AppWindow.await(() -> wizard.pointProperty().get() != null);
        int shown = wizard.comparison().lines().size();
        r.clickOn("#wizard-compare-live");
        AppWindow.await(() -> wizard.comparison().lines().size() > shown + 1);
        AppWindow.await(() -> r.lookup("#wizard-also-tooldb").tryQuery().isPresent());
        r.clickOn("#wizard-also-tooldb");
        List<String> cut = new ArrayList<>(cutEverywhere().stream().map(c -> "files point | " + c).toList());
        r.clickOn("#wizard-next");
        AppWindow.await(() -> r.lookup(".tree-cell .tree-disclosure-node").tryQuery().isPresent());
        r.clickOn(r.lookup(".tree-cell .tree-disclosure-node").<Node>query());
        AppWindow.await(() -> r.lookup(".tree-cell .check-box").queryAll().size() > 2);
        r.clickOn(new ArrayList<>(r.lookup(".tree-cell .check-box").<Node>queryAll()).get(1));
        AppWindow.await(() -> !wizard.partsProperty().get().isEmpty());
        cut.addAll(cutEverywhere().stream().map(c -> "files browse | " + c).toList());
        r.interact(() -> r.lookup("#wizard-parts-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        r.clickOn("#wizard-find").write("*.txt");
        r.clickOn("#wizard-find-go");
        AppWindow.await(() -> !wizard.files().hits().isEmpty());
        r.interact(() -> r.lookup("#wizard-find-hits").queryListView().getSelectionModel().select(0));
        cut.addAll(cutEverywhere().stream().map(c -> "files find | " + c).toList());
        r.type(KeyCode.ESCAPE);
        AppWindow.await(() -> Window.getWindows().size() == before - 1);
        return cut;
    }

    /** A catalogue with one server, vault, SQLite source and job, backed up once. */
    private static Cli office(SshdServer sshd, Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        Path db = tmp.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local", "--schedule", "daily 02:30",
                "--keep-daily", "7").requireOk();
        cli.run("backup", "tool").requireOk();
        return cli;
    }

    /** The open window at 1280x720: every page, then each dialog opened and closed with Escape; what each cuts. */
    private List<String> pagesAndDialogs() throws Exception {
        window.robot.interact(() -> {
            Stage s = (Stage) Window.getWindows().get(0);
            s.setWidth(1280);
            s.setHeight(720);
        });
        List<String> cut = new ArrayList<>();
        for (String page : List.of("dashboard", "servers", "jobs", "vaults", "restore", "activity", "settings")) {
            window.robot.clickOn("#nav-" + page);
            AppWindow.await(() -> true);
            Thread.sleep(300);
            cut.addAll(cutEverywhere().stream().map(c -> page + " | " + c).toList());
        }
        cut.addAll(dialog("#nav-vaults", "#vaults-add", "#vault-name"));
        cut.addAll(dialog("#nav-vaults", "#offsite-add", "#offsite-name"));
        cut.addAll(dialog("#nav-jobs", "#jobs-new", "#editor-name"));
        cut.addAll(dialog("#nav-jobs", "#jobs-edit", "#editor-schedule"));
        cut.addAll(dialog("#nav-jobs", "#jobs-pause", "#pause-reason"));
        cut.addAll(dialog("#nav-servers", "#servers-edit", "#edit-host"));
        cut.addAll(rediscover());
        cut.addAll(browseFolders());
        return cut;
    }

    @Test
    void noPageOrDialogCutsItsTextAt1280x720(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Cli cli = office(sshd, tmp);
        // a job whose last run failed: its Restore... button widens the dashboard's last column
        Path lost = Files.createDirectories(tmp.resolve("srv/lost"));
        cli.run("source", "add", "lost", "--server", "tools", "--kind", "files", "--path", lost.toString())
                .requireOk();
        cli.run("job", "add", "lost", "--sources", "lost", "--vault", "local").requireOk();
        Files.delete(lost);
        assertThat(cli.run("backup", "lost").exit()).isNotZero();
        window = AppWindow.open(cli.home());
        List<String> cut = new ArrayList<>(pagesAndDialogs());
        cut.addAll(wizard());

        assertThat(cut).isEmpty();
    }

    /** Every page and dialog in Japanese, the language of many of Mamori's users, at 1280x720. */
    @Test
    void noPageOrDialogCutsItsTextInJapanese(SshdServer sshd, @TempDir Path tmp) throws Exception {
        window = AppWindow.open(office(sshd, tmp).home(), java.util.Locale.JAPANESE);

        assertThat(pagesAndDialogs()).isEmpty();
    }

    /**
     * The dashboard in Japanese with an open incident: its banner says the incident's kind in
     * words (not "files-changed on tooldb") and its Close button is whole at 1280x720.
     */
    @Test
    void theDashboardWithAnOpenIncidentInJapaneseCutsNothing(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Cli cli = office(sshd, tmp);
        cli.run("incident", "open", "--sources", "tooldb", "--what", "files-changed").requireOk();
        cli.run("incident", "open", "--sources", "tooldb", "--title",
                "午後から注文データがおかしい件 (経理から連絡あり、在庫表と突き合わせ中)").requireOk();
        window = AppWindow.open(cli.home(), java.util.Locale.JAPANESE);
        window.robot.interact(() -> {
            Stage s = (Stage) Window.getWindows().get(0);
            s.setWidth(1280);
            s.setHeight(720);
        });
        window.robot.clickOn("#nav-dashboard");
        AppWindow.await(() -> window.robot.lookup("#dashboard-close-incident-2").tryQuery().isPresent());
        Thread.sleep(300);
        List<String> cut = cutEverywhere();
        String banner = window.robot.lookup("#dashboard-incidents .label").queryAll().stream()
                .map(l -> ((javafx.scene.control.Labeled) l).getText()).reduce("", String::concat);

        assertThat(cut).isEmpty();
        assertThat(banner).contains("ファイルの削除・変更: tooldb").doesNotContain("files-changed");
    }

    /**
     * The Jobs page in Japanese while a run's progress and log fill it: the objectives label
     * keeps all its lines (the RTO trend below the objectives), nothing cut at 1280x720.
     */
    @Test
    void theJobsPageWithARunInJapaneseShowsEveryLineOfItsObjectives(SshdServer sshd, @TempDir Path tmp)
            throws Exception {
        window = AppWindow.open(office(sshd, tmp).home(), java.util.Locale.JAPANESE);
        window.robot.interact(() -> {
            Stage s = (Stage) Window.getWindows().get(0);
            s.setWidth(1280);
            s.setHeight(720);
        });
        window.robot.clickOn("#nav-jobs");
        AppWindow.await(() -> window.robot.lookup("#jobs-backup").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        window.robot.clickOn("#jobs-backup");
        AppWindow.await(() -> window.robot.lookup("#run-log").tryQuery().isPresent());
        javafx.scene.control.Label recovery = window.robot.lookup("#jobs-recovery").query();
        AppWindow.await(() -> recovery.getText().contains("\n"));
        Thread.sleep(500);
        List<String> cut = cutEverywhere();
        double[] heights = WaitForAsyncUtils.asyncFx(() -> new double[] {recovery.getHeight(),
                recovery.prefHeight(recovery.getWidth())}).get();

        assertThat(cut).isEmpty();
        assertThat(heights[0]).as("the objectives label's height against what its lines need")
                .isGreaterThanOrEqualTo(heights[1] - 0.5);
    }

    /**
     * The restore wizard in Japanese, the language of many of its users, at its own size on a
     * 1280x720 screen: an admin in an incident must read every word of it.
     */
    @Test
    void theRestoreWizardCutsNothingInJapanese(SshdServer sshd, @TempDir Path tmp) throws Exception {
        window = AppWindow.open(office(sshd, tmp).home(), java.util.Locale.JAPANESE);
        List<String> cut = wizard().stream().filter(c -> c.contains(" | 障害からの復元 | ")).toList();

        assertThat(cut).isEmpty();
    }

    /**
     * The files steps of the wizard in Japanese: the live comparison, the folder browser and the
     * search; and the dashboard offering Restore... beside a failed job.
     */
    @Test
    void theRestoreWizardsFilesStepsCutNothingInJapanese(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Cli cli = office(sshd, tmp);
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads/invoices-2026"));
        Files.writeString(uploads.resolve("invoice-2026-12.txt"), "invoice");
        Files.writeString(uploads.resolveSibling("readme.txt"), "readme");
        cli.run("source", "add", "uploads", "--server", "tools", "--kind", "files", "--path",
                uploads.getParent().toString()).requireOk();
        cli.run("job", "add", "files", "--sources", "uploads", "--vault", "local").requireOk();
        cli.run("backup", "files").requireOk();
        Files.writeString(uploads.resolveSibling("readme.txt"), "changed since the backup");
        Path lost = Files.createDirectories(tmp.resolve("srv/lost"));
        cli.run("source", "add", "lost", "--server", "tools", "--kind", "files", "--path", lost.toString())
                .requireOk();
        cli.run("job", "add", "lost", "--sources", "lost", "--vault", "local").requireOk();
        Files.delete(lost);
        assertThat(cli.run("backup", "lost").exit()).isNotZero();
        window = AppWindow.open(cli.home(), java.util.Locale.JAPANESE);
        window.robot.interact(() -> {
            Stage s = (Stage) Window.getWindows().get(0);
            s.setWidth(1280);
            s.setHeight(720);
        });
        AppWindow.await(() -> window.robot.lookup("#restore-lost").tryQuery().isPresent());
        List<String> cut = new ArrayList<>(cutEverywhere().stream().map(c -> "dashboard, a failed job | " + c)
                .toList());
        cut.addAll(filesWizard().stream().filter(c -> c.contains(" | 障害からの復元 | ")).toList());

        assertThat(cut).isEmpty();
    }

    /**
     * Three years of 40 jobs in Japanese: the dashboard with a scroll bar, checked points with
     * their times and held safety points on the Restore page, all whole at 1280x720.
     */
    @Test
    void aThreeYearHistoryInJapaneseCutsNothingOnTheDashboardOrTheRestorePage(@TempDir Path home) throws Exception {
        java.time.Instant newest = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .minus(java.time.Duration.ofHours(5));
        app.mamori.ui.timeline.SyntheticHistory.write(home.resolve("catalog.db"), 40, 3 * 365, newest,
                java.time.Duration.ofDays(1));
        window = AppWindow.open(home, java.util.Locale.JAPANESE);
        AppWindow.await(() -> window.robot.lookup("#jobs-table").queryTableView().getItems().size() == 40);
        List<String> cut = new ArrayList<>(cutEverywhere());

        window.robot.clickOn("#nav-restore");
        AppWindow.await(() -> window.robot.lookup("#restore-points").queryTableView().getItems().size() == 200);
        cut.addAll(cutEverywhere());

        assertThat(cut).isEmpty();
    }
}
