package app.mamori.it;

import app.mamori.engine.restore.RestoreResult;
import app.mamori.service.PointService;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.restore.TargetKind;
import app.mamori.ui.restore.wizard.RestoreWizard;
import app.mamori.ui.restore.wizard.RestoreWizardModel;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident restore wizard driven as an admin would, against the real test sshd and
 * PostgreSQL: what happened, when, the point it picks, where to, the plan, the run.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class RestoreWizardUiTest {
    private static final String CONTENTS = "SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM orders";
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Cli cli;
    private PostgresServer pg;
    private String db;
    private AppWindow window;
    private FxRobot robot;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        db = "shop_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 500) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private String backup() {
        return cli.run("backup", "shop", "--json").requireOk().json().get("point").get("id").asText();
    }

    private RestoreWizardModel openWizard() throws Exception {
        window = AppWindow.open(cli.home());
        robot = window.robot;
        robot.clickOn("#nav-restore");
        robot.clickOn("#restore-wizard");
        AppWindow.await(() -> robot.lookup("#wizard-what-database").tryQuery().isPresent());
        return javafx.stage.Window.getWindows().stream().filter(w -> w.getUserData() instanceof RestoreWizard)
                .map(w -> ((RestoreWizard) w.getUserData()).model()).findFirst().orElseThrow();
    }

    /** Opens the wizard, answers what happened, says the time is not known, and waits for the chosen point. */
    private RestoreWizardModel toPointNotKnowingWhen(String what) throws Exception {
        RestoreWizardModel wizard = openWizard();
        robot.clickOn("#wizard-what-" + what);
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-dont-know");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.pointProperty().get() != null);
        return wizard;
    }

    /** A files source "uploads" over {@code uploads} and its job "files" into the local vault. */
    private void filesSource(Path uploads) {
        cli.run("source", "add", "uploads", "--server", "db1", "--kind", "files", "--path", uploads.toString())
                .requireOk();
        cli.run("job", "add", "files", "--sources", "uploads", "--vault", "local").requireOk();
    }

    @Test
    void aChangedDatabaseIsRestoredIntoANewDatabaseFromTheLastGoodPointBeforeTheIncident() throws Exception {
        String original = pg.query(db, CONTENTS);
        String good = backup();
        Instant wentWrong = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, wentWrong.toEpochMilli() - System.currentTimeMillis()) + 200);
        pg.execSql(db, "UPDATE orders SET note = 'WRONG' WHERE id % 7 = 0; DELETE FROM orders WHERE id > 450");
        String bad = backup();
        assertThat(bad).isNotEqualTo(good);

        RestoreWizardModel wizard = openWizard();
        robot.clickOn("#wizard-what-database");
        robot.clickOn("#wizard-next");
        window.type("#wizard-when", TYPED.format(wentWrong));
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.pointProperty().get() != null);
        assertThat(wizard.pointProperty().get().point().id()).as("the last point before the incident").isEqualTo(good);
        assertThat(robot.lookup("#wizard-point-reason").queryLabeled().getText()).contains(TYPED.format(wentWrong));
        robot.clickOn("#wizard-compare-live");
        AppWindow.await(() -> wizard.comparison().lines().contains("public.orders: 500 in the backup, 450 now (-50)"));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        assertThat(wizard.targetKindProperty().get()).as("a copy beside the live data by default")
                .isEqualTo(TargetKind.NEW_DATABASE);
        String copy = db + "_copy";
        window.type("#wizard-where", copy);
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        assertThat(robot.lookup("#wizard-plan").queryAs(TextArea.class).getText()).contains("new database " + copy);
        assertThat(wizard.commandLineProperty().get()).isEqualTo("mamori restore --source shopdb --point " + good
                + " --to-database " + copy + " --yes");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.result().isPresent());
        RestoreResult result = wizard.result().get();
        assertThat(result.ok()).as(String.valueOf(result.error())).isTrue();
        assertThat(pg.query(copy, CONTENTS)).isEqualTo(original);
        assertThat(pg.query(db, "SELECT count(*) FROM orders")).as("the live database is untouched").isEqualTo("450");
        assertThat(robot.lookup("#wizard-result").queryAs(TextArea.class).getText()).contains(good, copy);
        AppWindow.await(() -> wizard.comparison().copyLines().contains("public.orders: 500 in the copy, 450 live (-50)"));
    }

    @Test
    void aDeletedFileIsFoundBySearchAndPutBackInPlaceWhileTheIncidentHoldsItsBackups(SshdServer sshd,
                                                                                   @TempDir Path tmp) throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        Path invoice = Files.writeString(uploads.resolve("invoice-2026.pdf"), "the invoice, as sent");
        Files.writeString(uploads.resolve("logo.png"), "a logo");
        filesSource(uploads);
        String had = cli.run("backup", "files", "--json").requireOk().json().get("point").get("id").asText();
        Files.delete(invoice);
        Files.writeString(uploads.resolve("logo.png"), "a newer logo");
        String gone = cli.run("backup", "files", "--json").requireOk().json().get("point").get("id").asText();

        RestoreWizardModel wizard = toPointNotKnowingWhen("files");
        assertThat(wizard.sourceProperty().get().name()).as("files incidents list files sources").isEqualTo("uploads");
        AppWindow.await(() -> String.join("\n", wizard.comparison().lines()).contains("invoice-2026.pdf"));
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.incidentProperty().get() != null);
        assertThat(wizard.incidentProperty().get().held()).as("both backups of uploads are held").isEqualTo(2);

        robot.clickOn("Find by name");
        robot.clickOn("#wizard-find").write("invoice*");
        robot.clickOn("#wizard-find-go");
        AppWindow.await(() -> wizard.files().hits().size() == 1);
        robot.interact(() -> robot.lookup("#wizard-find-hits").queryListView().getSelectionModel().select(0));
        assertThat(robot.lookup("#wizard-find-versions").queryListView().getItems()).hasSize(2);
        robot.clickOn("#wizard-find-choose");
        assertThat(wizard.pointProperty().get().point().id()).as("the last backup that had it").isEqualTo(had);
        assertThat(wizard.partsProperty().get()).isEqualTo(invoice.toString());
        robot.clickOn("#wizard-next");
        robot.interact(() -> wizard.targetKindProperty().set(TargetKind.IN_PLACE));
        robot.clickOn("#wizard-confirm-name").write("uploads");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        assertThat(wizard.commandLineProperty().get()).contains("--point " + had, "--in-place", "--include");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.result().isPresent());
        RestoreResult result = wizard.result().get();
        assertThat(result.ok()).as(String.valueOf(result.error())).isTrue();
        assertThat(Files.readString(invoice)).isEqualTo("the invoice, as sent");
        assertThat(Files.readString(uploads.resolve("logo.png"))).as("only the chosen file was restored")
                .isEqualTo("a newer logo");
        assertThat(gone).isNotEqualTo(had);

        robot.clickOn("#wizard-close-incident");
        AppWindow.await(() -> !wizard.incidentProperty().get().open());
        assertThat(cli.run("incident", "list").requireOk().out()).doesNotContain("uploads");
    }

    @Test
    void aPathTypedByHandThatIsInNoBackupIsRefusedBeforeThePlan(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        Files.writeString(uploads.resolve("a.txt"), "a");
        filesSource(uploads);
        cli.run("backup", "files").requireOk();

        RestoreWizardModel wizard = toPointNotKnowingWhen("files");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-part");
        robot.clickOn("#wizard-parts").write(uploads.resolve("a.txt") + ", " + uploads.resolve("typo.txt"));
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> !wizard.errorProperty().get().isEmpty());
        assertThat(wizard.errorProperty().get()).contains(uploads.resolve("typo.txt").toString())
                .doesNotContain(uploads.resolve("a.txt") + ",");
        assertThat(wizard.stepProperty().get()).isEqualTo(RestoreWizardModel.Step.PARTS);
    }

    @Test
    void aTableOthersReferenceIsFlaggedBeforeAnInPlacePlanWithTheChoiceThatWorks() throws Exception {
        pg.execSql(db, "CREATE TABLE customers(id int primary key); INSERT INTO customers VALUES (1);"
                + " ALTER TABLE customers OWNER TO mamori; ALTER TABLE orders ADD COLUMN customer int REFERENCES customers(id);");
        backup();

        RestoreWizardModel wizard = toPointNotKnowingWhen("database");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-part");
        robot.clickOn("#wizard-parts").write("customers");
        robot.clickOn("#wizard-next");
        robot.interact(() -> wizard.targetKindProperty().set(TargetKind.IN_PLACE));
        robot.clickOn("#wizard-confirm-name").write("shopdb");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> !wizard.errorProperty().get().isEmpty());
        assertThat(wizard.errorProperty().get()).contains("public.customers", "public.orders", "new database");
        assertThat(wizard.planProperty().get()).as("no plan, nothing ran").isNull();

        robot.interact(() -> wizard.targetKindProperty().set(TargetKind.NEW_DATABASE));
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        assertThat(wizard.commandLineProperty().get()).contains("--table customers", "--to-database");
    }

    @Test
    void aRestoreCancelledWhileItWaitsOnTheLiveDatabaseChangesNothing() throws Exception {
        String point = backup();
        pg.execSql(db, "UPDATE orders SET note = 'changed since' WHERE id = 1");
        String live = pg.query(db, CONTENTS);

        RestoreWizardModel wizard = toPointNotKnowingWhen("database");
        assertThat(wizard.pointProperty().get().point().id()).isEqualTo(point);
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.interact(() -> wizard.targetKindProperty().set(TargetKind.IN_PLACE));
        robot.clickOn("#wizard-confirm-name").write("shopdb");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        String restoring = wizard.planProperty().get().commands().get(0).purpose();
        try (AutoCloseable lock = pg.lockTable(db, "orders")) {
            robot.clickOn("#wizard-next");
            // the safety backup reads alongside the lock; the restore's DROP waits for it
            AppWindow.await(() -> wizard.run().log().contains(restoring));
            Thread.sleep(1000);
            assertThat(wizard.run().runningProperty().get()).isTrue();
            robot.clickOn("#wizard-cancel");
            AppWindow.await(() -> wizard.result().isPresent());
        }
        RestoreResult result = wizard.result().get();
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).contains("cancelled");
        assertThat(result.safetyPoint()).as("the safety backup ran before the restore started").isPresent();
        assertThat(pg.query(db, CONTENTS)).as("the live database is as it was").isEqualTo(live);
        String shown = robot.lookup("#wizard-result").queryAs(TextArea.class).getText();
        assertThat(result.targetState()).as("the command line's way back").contains("mamori restore --source");
        assertThat(shown).as("the app's way back points at its own steps, not at a command")
                .contains("restore point " + result.safetyPoint().get() + ": to return to it, restore that point in place")
                .doesNotContain("mamori restore");

        robot.clickOn("#wizard-restore-another");
        AppWindow.await(() -> wizard.stepProperty().get() == RestoreWizardModel.Step.POINT);
        assertThat(wizard.planProperty().get()).as("a new plan is made for the next source").isNull();
    }

    @Test
    void aLostServersSourcesAreRestoredInOnePassFromOneReviewOneAfterAnother(@TempDir Path tmp) throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        Files.writeString(uploads.resolve("a.txt"), "a, as backed up");
        filesSource(uploads);
        String shopPoint = backup();
        String filesPoint = cli.run("backup", "files", "--json").requireOk().json().get("point").get("id").asText();

        RestoreWizardModel wizard = toPointNotKnowingWhen("server");
        robot.interact(() -> wizard.sourceProperty().set(wizard.sources().stream()
                .filter(s -> s.name().equals("shopdb")).findFirst().orElseThrow()));
        AppWindow.await(() -> wizard.pointProperty().get() != null
                && robot.lookup("#wizard-also-uploads").tryQuery().isPresent());
        robot.clickOn("#wizard-also-uploads");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.incidentProperty().get() != null);
        assertThat(wizard.incidentProperty().get().sources()).containsExactlyInAnyOrder("shopdb", "uploads");
        robot.clickOn("#wizard-next");
        String copy = db + "_copy";
        window.type("#wizard-where", copy);
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        assertThat(robot.lookup("#wizard-plan").queryAs(TextArea.class).getText()).contains("new database " + copy,
                "Then, if that succeeded: uploads");
        assertThat(wizard.commandLineProperty().get()).contains("--source shopdb --point " + shopPoint,
                " && mamori restore --source uploads --point " + filesPoint, "--to-path");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.batch().results().size() == 2);
        assertThat(wizard.batch().results().get(0)).startsWith("shopdb: restored");
        assertThat(wizard.batch().results().get(1)).startsWith("uploads: restored");
        assertThat(pg.query(copy, "SELECT count(*) FROM orders")).isEqualTo("500");
        try (var found = Files.find(uploads.getParent(), 20, (f, attributes) -> !f.startsWith(uploads)
                && f.getFileName().toString().equals("a.txt"))) {
            List<Path> copies = found.toList();
            assertThat(copies).as("the files copy beside the live folder").hasSize(1);
            assertThat(Files.readString(copies.get(0))).isEqualTo("a, as backed up");
        }
    }

    @Test
    void aPassStopsAtTheFirstFailedRestoreAndSaysTheRestDidNotStart(@TempDir Path tmp) throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("srv/uploads"));
        Files.writeString(uploads.resolve("a.txt"), "a");
        filesSource(uploads);
        backup();
        cli.run("backup", "files").requireOk();

        RestoreWizardModel wizard = toPointNotKnowingWhen("server");
        robot.interact(() -> wizard.sourceProperty().set(wizard.sources().stream()
                .filter(s -> s.name().equals("uploads")).findFirst().orElseThrow()));
        AppWindow.await(() -> wizard.pointProperty().get() != null
                && robot.lookup("#wizard-also-shopdb").tryQuery().isPresent());
        robot.clickOn("#wizard-also-shopdb");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        Path copy = Path.of(wizard.whereProperty().get());
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.planProperty().get() != null);
        // someone fills the new folder between the review and the run: the server refuses it then
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("in the way.txt"), "x");
        robot.clickOn("#wizard-next");
        AppWindow.await(() -> wizard.batch().results().size() == 2);
        assertThat(wizard.batch().results().get(0)).startsWith("uploads: failed");
        assertThat(wizard.batch().results().get(1)).isEqualTo("shopdb: not started, since the restore before it failed");
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE '" + db + "\\_%'"))
                .as("no copy of shopdb was made").isEqualTo("0");
    }
}
