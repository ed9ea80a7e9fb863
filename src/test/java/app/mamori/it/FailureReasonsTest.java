package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventFilter;
import app.mamori.model.Note;
import app.mamori.testenv.CuttingProxy;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails before it reaches a source, on its server, keeps the reason as a key with
 * arguments beside the English the CLI prints, so the app can say it in the admin's language
 * (issue 13: no English in the Japanese app, even on the worst night).
 */
@ExtendWith(SshdExtension.class)
class FailureReasonsTest {

    @Test
    void aServerThatRefusesTheConnectionIsSaidInJapaneseWithTheAppsControls(SshdServer sshd, @TempDir Path tmp)
            throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        int port;
        try (CuttingProxy proxy = new CuttingProxy(sshd.port())) {
            port = Integer.parseInt(proxy.endpoint().substring(proxy.endpoint().lastIndexOf(':') + 1));
            cli.run("server", "add", "web1", "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--user", sshd.user(), "--identity", sshd.identity().toString(),
                    "--host-key", sshd.hostKeyFingerprint()).requireOk();
        }
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "wiki", "--server", "web1", "--kind", "sqlite", "--path", "/srv/wiki.db").requireOk();
        cli.run("job", "add", "wiki", "--sources", "wiki", "--vault", "local").requireOk();

        Cli.Result r = cli.run("backup", "wiki");

        assertThat(r.exit()).as(r.err()).isOne();
        assertThat(r.err()).contains("connection refused");
        Event failed = lastFailure(cli);
        assertThat(failed.phrase()).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo("runFailedOnServer");
            assertThat(p.args()).startsWith("wiki", "web1", "sshRefused").contains(Integer.toString(port));
        });
        List<String> args = failed.phrase().get().args();
        String ja = NoteWords.say(new I18n(Locale.JAPANESE), "reason.",
                new Note(args.get(2), args.subList(3, args.size()), failed.message()));
        assertThat(ja).contains("接続を拒否", Integer.toString(port), "「サーバー」画面").doesNotContain("refused");
    }

    private static Event lastFailure(Cli cli) throws Exception {
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            return catalog.events().list(EventFilter.all().kind("run-failed"), 1).get(0);
        }
    }
}
