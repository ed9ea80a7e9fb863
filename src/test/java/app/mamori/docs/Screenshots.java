package app.mamori.docs;

import app.mamori.cli.MamoriCommand;
import app.mamori.engine.MamoriHome;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.runs.RunViewModel;
import app.mamori.ui.shell.Page;
import app.mamori.ui.shell.Shell;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes the screenshots in docs/images from the real app in a real window: run it under Xvfb
 * through {@code scripts/screenshots}. It starts the test harness's sshd, backs up real
 * SQLite databases and folders through it, then photographs each screen.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("mamori-shots-");
        try (SshdServer sshd = SshdServer.start()) {
            Platform.startup(() -> { });
            Platform.setImplicitExit(false); // one window after another: closing the first must not end JavaFX
            boolean onlyRestore = args.length > 1 && args[1].equals("restore");
            if (args.length > 1 && args[1].equals("history")) {
                history(tmp.resolve("history-home"), out);
                Platform.exit();
                System.exit(0);
            }
            // ja: every scene of the full run with the app in Japanese (docs/ja/images, same file names)
            Locale locale = args.length > 1 && args[1].equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
            Path empty = tmp.resolve("empty-home");
            if (onlyRestore) {
                Path home = tmp.resolve("home");
                demoData(sshd, home, tmp);
                cli(home, "backup", "files");
                shoot(home, out, Locale.ENGLISH, (shell, stage) -> {
                    restoreWizard(shell, out, "");
                    filesIncident(shell, stage, home, tmp, out);
                });
                shoot(home, out, Locale.JAPANESE, (shell, stage) -> restoreWizard(shell, out, "ja-"));
                Platform.exit();
                System.exit(0);
            }
            shoot(empty, out, locale, (shell, stage) -> {
                snap(stage.getScene(), out.resolve("first-run.png"));
                wizard(shell, sshd, out);
            });
            Path home = tmp.resolve("home");
            demoData(sshd, home, tmp);
            shoot(home, out, locale, (shell, stage) -> {
                snap(stage.getScene(), out.resolve("dashboard.png"));
                onFx(() -> {
                    shell.window().show(Page.JOBS);
                    return null;
                });
                RunViewModel run = onFx(() -> shell.context().runs().start("files"));
                waitFor(() -> run.stateProperty().get() == RunViewModel.State.RUNNING
                        && run.sources().stream().anyMatch(s -> s.bytesProperty().get() > 0), 60);
                onFx(() -> {
                    shell.jobs().select("files");
                    return null;
                });
                pause(400);
                snap(stage.getScene(), out.resolve("running-job.png"));
                waitFor(() -> !run.running(), 120);
                Stage editor = onFx(() -> shell.jobs().edit("blog").stage());
                pause(600);
                snap(editor.getScene(), out.resolve("job-editor.png"));
                onFx(() -> {
                    editor.close();
                    return null;
                });
                onFx(() -> {
                    shell.window().show(Page.ACTIVITY);
                    return null;
                });
                pause(800);
                snap(stage.getScene(), out.resolve("activity.png"));
                onFx(() -> {
                    shell.window().show(Page.RESTORE);
                    return null;
                });
                pause(800);
                snap(stage.getScene(), out.resolve("restore.png"));
                onFx(() -> {
                    shell.window().show(Page.SETTINGS);
                    return null;
                });
                pause(800);
                snap(stage.getScene(), out.resolve("settings.png"));
                onFx(() -> {
                    shell.window().show(Page.VAULTS);
                    return null;
                });
                pause(2500);
                snap(stage.getScene(), out.resolve("vaults.png"));
                onFx(() -> {
                    shell.window().show(Page.SERVERS);
                    return null;
                });
                pause(800);
                snap(stage.getScene(), out.resolve("servers.png"));
                restoreWizard(shell, out, "");
                filesIncident(shell, stage, home, tmp, out);
            });
        } finally {
            Platform.exit();
        }
        System.out.println("screenshots written to " + out);
        System.exit(0);
    }

    /** Each step of the server wizard, filled in against the harness's sshd. */
    private static void wizard(Shell shell, SshdServer sshd, Path out) throws Exception {
        Stage w = onFx(() -> shell.startServerWizard().stage());
        Scene scene = w.getScene();
        onFx(() -> {
            text(scene, "#wizard-name", "web1");
            text(scene, "#wizard-host", sshd.host());
            text(scene, "#wizard-port", Integer.toString(sshd.port()));
            text(scene, "#wizard-user", sshd.user());
            text(scene, "#wizard-identity", sshd.identity().toString());
            return null;
        });
        pause(300);
        snap(scene, out.resolve("wizard-1-connection.png"));
        fire(scene, "#wizard-connect");
        waitFor(() -> visible(scene, "#wizard-trust"), 60);
        pause(300);
        snap(scene, out.resolve("wizard-2-host-key.png"));
        fire(scene, "#wizard-trust");
        waitFor(() -> visible(scene, "#wizard-findings"), 120);
        pause(300);
        snap(scene, out.resolve("wizard-3-discover.png"));
        fire(scene, "#wizard-to-save");
        pause(500);
        snap(scene, out.resolve("wizard-4-save.png"));
        onFx(() -> {
            w.close();
            return null;
        });
    }

    /** Each step of the restore wizard: the blog's database changed, restored into a new file beside it. */
    private static void restoreWizard(Shell shell, Path out, String prefix) throws Exception {
        onFx(() -> {
            shell.window().show(Page.RESTORE);
            return null;
        });
        pause(500);
        Stage w = onFx(() -> {
            Scene main = shell.window().root().getScene();
            ((javafx.scene.control.Button) main.lookup("#restore-wizard")).fire();
            return javafx.stage.Window.getWindows().stream().filter(x -> x.getUserData()
                    instanceof app.mamori.ui.restore.wizard.RestoreWizard).map(x -> (Stage) x).findFirst().orElseThrow();
        });
        Scene scene = w.getScene();
        pause(500);
        onFx(() -> {
            ((javafx.scene.control.RadioButton) scene.lookup("#wizard-what-database")).setSelected(true);
            return null;
        });
        snap(scene, out.resolve(prefix + "restore-1-what.png"));
        next(scene);
        String when = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(
                java.time.ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusMinutes(1));
        onFx(() -> {
            text(scene, "#wizard-when", when);
            return null;
        });
        pause(300);
        snap(scene, out.resolve(prefix + "restore-2-when.png"));
        next(scene);
        waitFor(() -> !((javafx.scene.control.Labeled) scene.lookup("#wizard-point-reason")).getText().isEmpty(), 30);
        pause(1200);
        snap(scene, out.resolve(prefix + "restore-3-point.png"));
        next(scene);
        pause(300);
        snap(scene, out.resolve(prefix + "restore-4-parts.png"));
        next(scene);
        pause(300);
        snap(scene, out.resolve(prefix + "restore-5-where.png"));
        next(scene);
        waitFor(() -> visible(scene, "#wizard-plan"), 30);
        pause(300);
        snap(scene, out.resolve(prefix + "restore-6-review.png"));
        next(scene);
        waitFor(() -> visible(scene, "#wizard-result"), 60);
        pause(300);
        snap(scene, out.resolve(prefix + "restore-7-run.png"));
        onFx(() -> {
            w.close();
            return null;
        });
    }

    /**
     * A photo deleted from the uploads: the point step's comparison shows it gone, search finds it
     * across every backup, in place is confirmed by name; then the dashboard shows the incident.
     */
    private static void filesIncident(Shell shell, Stage main, Path home, Path tmp, Path out) throws Exception {
        Files.delete(tmp.resolve("srv/uploads/photo-7.jpg"));
        cli(home, "backup", "files");
        pause(2500); // the window sees the new point
        Stage w = onFx(() -> shell.openRestoreWizard(java.util.Optional.empty()).stage());
        Scene scene = w.getScene();
        pause(500);
        onFx(() -> {
            ((javafx.scene.control.RadioButton) scene.lookup("#wizard-what-files")).setSelected(true);
            return null;
        });
        next(scene);
        onFx(() -> {
            ((javafx.scene.control.CheckBox) scene.lookup("#wizard-dont-know")).setSelected(true);
            return null;
        });
        next(scene);
        waitFor(() -> ((javafx.scene.control.ListView<?>) scene.lookup("#wizard-comparison")).getItems().size() > 1, 30);
        pause(1200);
        snap(scene, out.resolve("restore-files-3-point.png"));
        next(scene);
        // the backup's folders, the first opened and one of its files ticked
        waitFor(() -> {
            var tree = (javafx.scene.control.TreeView<?>) scene.lookup("#wizard-browse-tree");
            return tree != null && tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty();
        }, 30);
        onFx(() -> {
            var tree = (javafx.scene.control.TreeView<?>) scene.lookup("#wizard-browse-tree");
            tree.getRoot().getChildren().get(0).setExpanded(true);
            return null;
        });
        waitFor(() -> {
            var tree = (javafx.scene.control.TreeView<?>) scene.lookup("#wizard-browse-tree");
            var first = tree.getRoot().getChildren().get(0);
            return first.getChildren().size() > 1 && first.getChildren().get(0).getValue() != null;
        }, 30);
        onFx(() -> {
            var tree = (javafx.scene.control.TreeView<?>) scene.lookup("#wizard-browse-tree");
            var item = tree.getRoot().getChildren().get(0).getChildren().get(1);
            ((javafx.scene.control.CheckBoxTreeItem<?>) item).setSelected(true);
            return null;
        });
        pause(600);
        snap(scene, out.resolve("restore-files-4-browse.png"));
        onFx(() -> {
            var tabs = (javafx.scene.control.TabPane) scene.lookup("#wizard-parts-tabs");
            var tree = (javafx.scene.control.TreeView<?>) scene.lookup("#wizard-browse-tree");
            ((javafx.scene.control.CheckBoxTreeItem<?>) tree.getRoot().getChildren().get(0).getChildren().get(1))
                    .setSelected(false);
            tabs.getSelectionModel().select(1);
            text(scene, "#wizard-find", "photo-7*");
            return null;
        });
        fire(scene, "#wizard-find-go");
        waitFor(() -> !((javafx.scene.control.ListView<?>) scene.lookup("#wizard-find-hits")).getItems().isEmpty(), 30);
        onFx(() -> {
            ((javafx.scene.control.ListView<?>) scene.lookup("#wizard-find-hits")).getSelectionModel().select(0);
            return null;
        });
        pause(400);
        snap(scene, out.resolve("restore-files-4-find.png"));
        fire(scene, "#wizard-find-choose");
        next(scene);
        waitFor(() -> visible(scene, "#wizard-target-kind"), 30);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            var kind = (javafx.scene.control.ComboBox<app.mamori.ui.restore.TargetKind>) scene.lookup("#wizard-target-kind");
            kind.setValue(app.mamori.ui.restore.TargetKind.IN_PLACE);
            text(scene, "#wizard-confirm-name", "uploads");
            return null;
        });
        pause(400);
        snap(scene, out.resolve("restore-files-5-in-place.png"));
        onFx(() -> {
            w.close();
            shell.window().show(Page.DASHBOARD);
            return null;
        });
        pause(2500);
        snap(main.getScene(), out.resolve("dashboard-incident.png"));
    }

    /** Presses the wizard's Next once it may be pressed (it waits while the wizard reads the catalogue). */
    private static void next(Scene scene) throws Exception {
        waitFor(() -> !scene.lookup("#wizard-next").isDisabled(), 30);
        fire(scene, "#wizard-next");
        pause(200);
    }

    private static void text(Scene scene, String id, String value) {
        ((javafx.scene.control.TextField) scene.lookup(id)).setText(value);
    }

    private static void fire(Scene scene, String id) throws Exception {
        onFx(() -> {
            ((javafx.scene.control.Button) scene.lookup(id)).fire();
            return null;
        });
    }

    private static boolean visible(Scene scene, String id) {
        javafx.scene.Node n = scene.lookup(id);
        return n != null && n.isVisible() && n.getScene() != null && n.getParent() != null
                && n.getParent().getParent() != null;
    }

    /**
     * A long history, as an office has it after three years: 40 jobs of daily points over three
     * years (SyntheticHistory: checks, failed runs, held safety points), the dashboard and the
     * Restore page in English and in Japanese at 1280x720. Not in docs: a check for the eye.
     */
    private static void history(Path home, Path out) throws Exception {
        java.time.Instant newest = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .minus(java.time.Duration.ofHours(5));
        Files.createDirectories(home);
        app.mamori.ui.timeline.SyntheticHistory.write(home.resolve("catalog.db"), 40, 3 * 365, newest,
                java.time.Duration.ofDays(1));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String prefix = "history-" + locale.getLanguage() + "-";
            shoot(home, out, locale, (shell, stage) -> {
                pause(1500);
                snap(stage.getScene(), out.resolve(prefix + "dashboard.png"));
                onFx(() -> {
                    shell.window().show(Page.RESTORE);
                    return null;
                });
                pause(2500);
                snap(stage.getScene(), out.resolve(prefix + "restore.png"));
            });
        }
    }

    interface Scenes {
        void take(Shell shell, Stage stage) throws Exception;
    }

    private static void shoot(Path homeDir, Path out, Locale locale, Scenes scenes) throws Exception {
        MamoriHome home = new MamoriHome(homeDir).ensureExists();
        FxExecutor executor = new FxExecutor();
        AppContext app = AppContext.open(home, executor, new I18n(locale));
        Stage stage = onFx(Stage::new);
        Shell shell = onFx(() -> {
            Shell s = new Shell(app, ZoneId.of("Europe/Berlin"));
            s.show(stage);
            stage.setWidth(1280);
            stage.setHeight(720);
            return s;
        });
        pause(1500);
        scenes.take(shell, stage);
        onFx(() -> {
            stage.close();
            return null;
        });
        executor.close();
        app.close();
    }

    private static void demoData(SshdServer sshd, Path home, Path tmp) throws Exception {
        cli(home, "server", "add", "web1", "--host", sshd.host(), "--port", Integer.toString(sshd.port()),
                "--user", sshd.user(), "--identity", sshd.identity().toString(), "--host-key",
                sshd.hostKeyFingerprint());
        cli(home, "vault", "add", "nas", "--path", tmp.resolve("vault").toString());
        Path blog = tmp.resolve("blog.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + blog)) {
            c.createStatement().execute("CREATE TABLE posts(id INTEGER PRIMARY KEY, body BLOB)");
            c.createStatement().execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000)"
                    + " INSERT INTO posts(body) SELECT randomblob(2000) FROM n");
        }
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        for (int i = 0; i < 400; i++) {
            byte[] data = new byte[256 * 1024];
            new java.util.Random(i).nextBytes(data);
            Files.write(uploads.resolve("photo-" + i + ".jpg"), data);
        }
        cli(home, "source", "add", "blog-db", "--server", "web1", "--kind", "sqlite", "--path", blog.toString());
        cli(home, "source", "add", "uploads", "--server", "web1", "--kind", "files", "--path", uploads.toString());
        cli(home, "source", "add", "wiki-db", "--server", "web1", "--kind", "sqlite", "--path",
                tmp.resolve("wiki.db").toString());
        cli(home, "job", "add", "blog", "--sources", "blog-db", "--vault", "nas");
        cli(home, "job", "set", "blog", "--schedule", "daily 02:30", "--keep-daily", "14");
        cli(home, "job", "add", "files", "--sources", "uploads", "--vault", "nas");
        cli(home, "job", "set", "files", "--schedule", "hourly");
        cli(home, "job", "add", "wiki", "--sources", "wiki-db", "--vault", "nas");
        cli(home, "job", "set", "wiki", "--schedule", "daily 03:00");
        cli(home, "backup", "blog");
        cli(home, "verify", "--job", "blog", "--drill"); // the restore page: one point checked, the newer one not
        cli(home, "backup", "blog");
        cli(home, "notify", "add", "ops-chat", "--webhook", "https://hooks.example.test/services/T000/B000/XXXX",
                "--format", "slack", "--on", "failure,overdue");
        MamoriCommand.run("--home", home.toString(), "backup", "wiki"); // fails: the wiki's database is missing
    }

    private static void cli(Path home, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = MamoriCommand.run(all);
        if (code != 0) {
            throw new IllegalStateException("mamori " + String.join(" ", args) + " exited " + code);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return app.mamori.testenv.FxThread.call(work);
    }

    private static void snap(Scene scene, Path file) throws Exception {
        var image = onFx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void waitFor(Supplier<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition::get)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for the app");
            }
            pause(50);
        }
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
