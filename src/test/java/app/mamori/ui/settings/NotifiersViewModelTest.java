package app.mamori.ui.settings;

import app.mamori.service.Services;
import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import app.mamori.testenv.SmtpServer;
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

    /** The app's context over {@code catalog}, its work run on the calling thread. */
    private static AppContext app(Path tmp, Catalog catalog) {
        return new AppContext(Services.over(new MamoriHome(tmp), catalog, null, Clock.systemUTC()), UiExecutor.direct(), new I18n(Locale.ENGLISH));
    }

    /** The notifiers' form with a webhook named "chat" to {@code url} filled in. */
    private static NotifiersViewModel webhookForm(AppContext app, String url) {
        NotifiersViewModel vm = new NotifiersViewModel(app);
        vm.name.set("chat");
        vm.url.set(url);
        return vm;
    }

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
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = webhookForm(app, "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/T0KEN");
            vm.format.set(NotifyChannel.WebhookFormat.SLACK);
            vm.onSuccess.set(true);

            vm.addWebhook();

            assertThat(vm.notifiers).singleElement().satisfies(n -> {
                assertThat(n.on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.SUCCESS,
                        NotifyEvent.OVERDUE);
                assertThat(vm.describe(n)).contains("slack webhook http://127.0.0.1:").endsWith(", in English")
                        .doesNotContain("T0KEN");
                assertThat(n.language()).as("the English app's default").isEqualTo("en");
            });
            assertThat(Files.readString(tmp.resolve("catalog.db"), StandardCharsets.ISO_8859_1)).doesNotContain("T0KEN");

            vm.test(vm.notifiers.get(0));
            assertThat(received).singleElement().asString().startsWith("/hooks/T0KEN ")
                    .contains("Test message from notifier chat");
            assertThat(vm.message.get()).isEqualTo("test message sent through chat");

            vm.remove(vm.notifiers.get(0));
            assertThat(vm.notifiers).isEmpty();
            assertThat(app.services().secrets().get("notify/chat/url")).isEmpty();
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aNotifiersLanguageIsChangedInPlaceAsNotifySetDoes(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = webhookForm(app, "http://127.0.0.1:9/hooks/T0KEN");
            vm.addWebhook();
            assertThat(vm.notifiers).singleElement().satisfies(n -> assertThat(n.language()).isEqualTo("en"));

            vm.setLanguage(vm.notifiers.get(0), "ja");

            assertThat(vm.message.get()).isEqualTo("chat now writes its notices in Japanese");
            assertThat(vm.notifiers).singleElement().satisfies(n -> assertThat(n.language()).isEqualTo("ja"));
            assertThat(app.services().notifiers().list()).singleElement()
                    .satisfies(n -> assertThat(n.language()).isEqualTo("ja"));
            assertThat(app.services().secrets().get("notify/chat/url")).as("the secret stays").isPresent();
        }
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAndNothingIsStored(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = webhookForm(app, "hooks.slack.com/services/x");

            vm.addWebhook();

            assertThat(vm.message.get()).startsWith("URL: give an http:// or https:// address");
            assertThat(catalog.notifiers().list()).isEmpty();
        }
    }

    @Test
    void anEmailNotifierAddedHereSendsItsTestThroughTheOfficeServerAndKeepsThePasswordSecret(@TempDir Path tmp)
            throws Exception {
        try (SmtpServer smtp = SmtpServer.start(); Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.name.set("mail");
            vm.smtpHost.set("localhost");
            vm.smtpPort.set(Integer.toString(smtp.startTlsPort()));
            vm.smtpUser.set(SmtpServer.USER);
            vm.smtpPassword.set(SmtpServer.PASSWORD);
            vm.smtpCa.set(smtp.certificate().toString());
            vm.from.set("mamori@office.test");
            vm.to.set(" admin@office.test, boss@office.test ");
            int before = smtp.messages().size();

            vm.addEmail();

            assertThat(vm.message.get()).startsWith("added notifier mail");
            assertThat(vm.smtpPassword.get()).as("cleared from the form").isEmpty();
            assertThat(vm.describe(vm.notifiers.get(0)))
                    .contains("e-mail to admin@office.test, boss@office.test via localhost");
            assertThat(Files.readString(tmp.resolve("catalog.db"), StandardCharsets.ISO_8859_1))
                    .doesNotContain(SmtpServer.PASSWORD);
            vm.test(vm.notifiers.get(0));
            assertThat(vm.message.get()).isEqualTo("test message sent through mail");
            assertThat(smtp.awaitMessages(before + 1).get(before)).contains("Test message from notifier mail");
        }
    }

    @Test
    void emailFieldsThatCannotWorkAreRefusedByTheirNameInTheForm(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.name.set("mail");
            vm.smtpHost.set("mail.office.test");
            vm.from.set("mamori@office.test");
            vm.to.set("admin@office.test");

            vm.smtpPort.set("58x");
            vm.addEmail();
            assertThat(vm.message.get()).startsWith("port: “58x” is not a number");

            vm.smtpPort.set("");
            vm.smtpPassword.set("secret");
            vm.addEmail();
            assertThat(vm.message.get()).startsWith("user: a password was given");

            vm.smtpPassword.set("");
            vm.to.set("");
            vm.addEmail();
            assertThat(vm.message.get()).startsWith("to: ");

            assertThat(catalog.notifiers().list()).isEmpty();
        }
    }

    @Test
    void aSecondNotifierWithTheSameNameIsRefusedAndTheFirstKeepsItsSecret(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = webhookForm(app, "https://hooks.example.test/FIRST");
            vm.addWebhook();
            vm.name.set("chat");
            vm.url.set("https://hooks.example.test/SECOND");

            vm.addWebhook();

            assertThat(vm.message.get()).isEqualTo("there is already a notifier named chat: choose another name, or remove that one first");
            assertThat(app.services().secrets().get("notify/chat/url")).hasValue("https://hooks.example.test/FIRST");
        }
    }

    @Test
    void aNotifierCanBeLimitedToOneJob(@TempDir Path tmp) throws Exception {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            app.mamori.catalog.Fixtures.addBlogJob(catalog);
            AppContext app = app(tmp, catalog);
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.refresh();
            assertThat(vm.jobs).containsExactly("blog");
            vm.name.set("blog-only");
            vm.url.set("https://hooks.example.test/x");
            vm.job.set("shop");

            vm.addWebhook();

            assertThat(vm.message.get()).isEqualTo("job shop no longer exists (removed meanwhile?); reopen the page");
            vm.job.set("blog");
            vm.addWebhook();
            assertThat(catalog.notifiers().list()).singleElement()
                    .satisfies(n -> assertThat(n.job()).hasValue("blog"));
            assertThat(vm.describe(vm.notifiers.get(0))).endsWith(", job blog, in English");
        }
    }

    /**
     * A notifier's row on the Japanese Settings page says its channel, events and jobs in Japanese (issue 13);
     * one added there writes its notices in Japanese unless English is chosen.
     */
    @Test
    void inJapaneseANotifierRowSaysWhatItSendsInJapanese(@TempDir Path tmp) {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = new AppContext(Services.over(new MamoriHome(tmp), catalog, null, Clock.systemUTC()),
                    UiExecutor.direct(), new I18n(Locale.JAPANESE));
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.name.set("ops-chat");
            vm.url.set("https://hooks.example.test/x");
            vm.format.set(NotifyChannel.WebhookFormat.SLACK);

            vm.addWebhook();

            assertThat(vm.describe(vm.notifiers.get(0))).startsWith("ops-chat: slack の Webhook https://")
                    .endsWith("、通知: 失敗、期限切れのジョブ、すべてのジョブ、日本語で通知");
            assertThat(catalog.notifiers().find("ops-chat")).get().extracting(n -> n.language()).isEqualTo("ja");

            vm.name.set("en-chat");
            vm.url.set("https://hooks.example.test/y");
            vm.language.set("en");
            vm.addWebhook();

            assertThat(catalog.notifiers().find("en-chat")).get().extracting(n -> n.language()).isEqualTo("en");
            assertThat(vm.describe(catalog.notifiers().find("en-chat").orElseThrow())).endsWith("、英語で通知");
        }
    }

    /** What the model refuses in the e-mail form is said in Japanese and by the form's field, not its CLI option. */
    @Test
    void inJapaneseARefusedAddressOrTakenNameIsSaidInJapanese(@TempDir Path tmp) {
        try (Catalog catalog = Catalog.open(tmp.resolve("catalog.db"))) {
            AppContext app = new AppContext(Services.over(new MamoriHome(tmp), catalog, null, Clock.systemUTC()),
                    UiExecutor.direct(), new I18n(Locale.JAPANESE));
            NotifiersViewModel vm = new NotifiersViewModel(app);
            vm.name.set("mail");
            vm.smtpHost.set("mail.office.test");
            vm.from.set("mamori@office.test");
            vm.to.set("admin.office.test");

            vm.addEmail();
            assertThat(vm.message.get()).isEqualTo("宛先: 「admin.office.test」はメールアドレス（name@example.com）ではありません");

            vm.to.set("admin@office.test");
            vm.addEmail();
            vm.name.set("mail");
            vm.addEmail();
            assertThat(vm.message.get()).isEqualTo("通知先 mail はすでにあります。別の名前にするか、先にそちらを削除してください");
            assertThat(catalog.notifiers().list()).hasSize(1);
        }
    }
}
