package app.mamori.ui.settings;

import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification settings against a real HTTP receiver on loopback. */
class NotifiersViewModelTest {

    @Test
    void aWebhookAddedHereIsListedTestedAndRemovedAndItsUrlStaysSecret(@TempDir Path tmp) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", x -> {
            received.add(x.getRequestURI().getPath() + " " + new String(x.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        http.start();
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = new AppContext(new MamoriHome(tmp), catalog, null, UiExecutor.direct(),
                    new I18n(Locale.ENGLISH), Clock.systemUTC());
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.name.set("chat");
            vm.url.set("http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/T0KEN");
            vm.format.set(NotifyChannel.WebhookFormat.SLACK);
            vm.onSuccess.set(true);

            vm.addWebhook();

            assertThat(vm.notifiers).singleElement().satisfies(n -> {
                assertThat(n.on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.SUCCESS,
                        NotifyEvent.OVERDUE);
                assertThat(NotifiersViewModel.describe(n)).contains("slack webhook http://127.0.0.1:")
                        .doesNotContain("T0KEN");
            });
            assertThat(Files.readString(tmp.resolve("catalog.db"), StandardCharsets.ISO_8859_1)).doesNotContain("T0KEN");

            vm.test(vm.notifiers.get(0));
            assertThat(received).singleElement().asString().startsWith("/hooks/T0KEN ")
                    .contains("Test message from notifier chat");
            assertThat(vm.message.get()).isEqualTo("test message sent through chat");

            vm.remove(vm.notifiers.get(0));
            assertThat(vm.notifiers).isEmpty();
            assertThat(app.secrets().get("notify/chat/url")).isEmpty();
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAndNothingIsStored(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = new AppContext(new MamoriHome(tmp), catalog, null, UiExecutor.direct(),
                    new I18n(Locale.ENGLISH), Clock.systemUTC());
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.name.set("chat");
            vm.url.set("hooks.slack.com/services/x");

            vm.addWebhook();

            assertThat(vm.message.get()).startsWith("--webhook:");
            assertThat(catalog.notifiers().list()).isEmpty();
        }
    }
}
