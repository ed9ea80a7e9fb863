package app.mamori.ui.settings;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.RunbookStore;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Job;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.service.Services;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static AppContext app(Path tmp, Catalog c, Locale locale) {
        return new AppContext(Services.over(new MamoriHome(tmp), c, null, Clock.fixed(NOW, ZoneOffset.UTC)),
                UiExecutor.direct(), new I18n(locale));
    }

    private static Catalog catalog(Path tmp) {
        Catalog c = Catalog.open(tmp.resolve("catalog.db"), Clock.fixed(NOW, ZoneOffset.UTC));
        c.servers().add(new Server("web", "web.lan", 22, "root", Optional.empty(), Optional.empty()));
        c.sources().add(new Source.Sqlite("blog-db", "web", "/srv/blog.db"));
        c.vaults().add(new Vault("nas", "/mnt/nas", Optional.empty()));
        c.jobs().add(new Job("blog", List.of("blog-db"), "nas"));
        return c;
    }

    @Test
    void contactsAreReadOnePerLineSavedAndAWrongLineIsNamed(@TempDir Path tmp) {
        try (Catalog c = catalog(tmp)) {
            c.runbook().setContacts(List.of(new RunbookStore.Contact("Aiko Sato", "IT", "", "aiko@example.jp")));
            RunbookViewModel vm = new RunbookViewModel(app(tmp, c, Locale.ENGLISH), ZoneOffset.UTC);
            assertThat(vm.contacts.get()).isEqualTo("Aiko Sato; IT; ; aiko@example.jp");

            vm.contacts.set("Aiko Sato; IT\n; no name");
            vm.saveContacts();
            assertThat(vm.message.get()).isEqualTo("contacts, line 2: write name; role; phone; e-mail (only the name"
                    + " is needed)");

            vm.contacts.set("Aiko Sato; IT\n\nKen Ito; Owner; +81 3 0000 0000");
            vm.saveContacts();

            assertThat(vm.message.get()).isEqualTo("2 contact(s) saved");
            assertThat(c.runbook().contacts()).containsExactly(new RunbookStore.Contact("Aiko Sato", "IT", "", ""),
                    new RunbookStore.Contact("Ken Ito", "Owner", "+81 3 0000 0000", ""));
        }
    }

    @Test
    void exportWritesTheRunbookInTheAppsLanguageAsHtmlOrMarkdownByTheFileName(@TempDir Path tmp) throws Exception {
        try (Catalog c = catalog(tmp)) {
            RunbookViewModel vm = new RunbookViewModel(app(tmp, c, Locale.JAPANESE), ZoneOffset.UTC);
            Path html = tmp.resolve("out/runbook.html");

            vm.export(html);

            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.message.get()).contains(html.toString());
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">")
                    .contains("Mamori 災害復旧手順書").contains("サーバー web");
            Path md = tmp.resolve("runbook.md");
            vm.export(md);
            assertThat(Files.readString(md)).startsWith("# Mamori 災害復旧手順書");
        }
    }
}
