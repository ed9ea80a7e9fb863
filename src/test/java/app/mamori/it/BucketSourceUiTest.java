package app.mamori.it;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A bucket source added in the app's add-source dialog, as `mamori source add --kind s3-bucket` adds one. */
@ExtendWith({SshdExtension.class, S3Extension.class})
class BucketSourceUiTest {
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

    @Test
    void aBucketSourceIsAddedInTheDialogWithItsKeyInTheSecretStoreAndBacksUp(SshdServer sshd, S3Server s3,
                                                                             @TempDir Path tmp) throws Exception {
        String bucket = s3.newBucket("appfiles");
        s3.client().putObject(b -> b.bucket(bucket).key("avatars/1.png"), RequestBody.fromString("png"));
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("app1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        window = AppWindow.open(cli.home(), Locale.JAPANESE);
        FxRobot robot = window.robot;
        robot.clickOn("#nav-servers");
        TableView<?> servers = robot.lookup("#servers-table").queryTableView();
        AppWindow.await(() -> servers.getItems().size() == 1);
        robot.interact(() -> servers.getSelectionModel().select(0));
        robot.clickOn("#servers-add-source");
        AppWindow.await(() -> robot.lookup("#source-kind").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#source-kind").queryComboBox().setValue(SourceKind.S3_BUCKET));
        List<String> cut = new ArrayList<>();
        Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s
                && s.getModality() != javafx.stage.Modality.NONE).forEach(w -> cut.addAll(CutTextUiTest.cutTexts(w)));
        assertThat(cut).as("cut at 1280x720 in Japanese").isEmpty();

        window.type("#source-name", "appfiles");
        window.type("#source-bucket", bucket);
        window.type("#source-prefix", "avatars");
        window.type("#source-endpoint", s3.endpoint());
        window.type("#source-access-key-id", S3Server.ACCESS_KEY_ID);
        robot.clickOn("#source-save");
        AppWindow.await(() -> !robot.lookup("#source-message").queryLabeled().getText().isEmpty());
        assertThat(window.app.services().sources().find("appfiles")).as("no key, no source").isEmpty();
        robot.clickOn("#source-secret-key").write(S3Server.SECRET_ACCESS_KEY);
        robot.clickOn("#source-save");
        AppWindow.await(() -> window.app.services().sources().find("appfiles").isPresent());

        Source.Bucket added = (Source.Bucket) window.app.services().sources().get("appfiles");
        assertThat(added.bucket()).isEqualTo(bucket);
        assertThat(added.prefix()).isEqualTo("avatars/");
        assertThat(added.endpoint()).hasValue(s3.endpoint());
        assertThat(window.app.services().secrets().get("source/appfiles/password")).hasValue(S3Server.SECRET_ACCESS_KEY);
        cli.run("job", "add", "app", "--sources", "appfiles", "--vault", "local").requireOk();
        cli.run("backup", "app").requireOk();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(tmp.resolve("vault"))) {
            assertThat(files.filter(p -> p.endsWith(Path.of("appfiles", "tree", "avatars", "1.png"))))
                    .singleElement().satisfies(p -> assertThat(p).hasContent("png"));
        }
    }
}
