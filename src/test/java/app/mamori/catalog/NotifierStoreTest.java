package app.mamori.catalog;

import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifierStoreTest {

    private static Notifier email(String name, Optional<String> job) {
        return new Notifier(name, new NotifyChannel.Email("mail.office.test", 587, NotifyChannel.SmtpSecurity.STARTTLS,
                Optional.of("backup"), "mamori@office.test", List.of("a@office.test", "b@office.test"),
                Optional.of("/etc/office-ca.pem")), Set.of(NotifyEvent.FAILURE, NotifyEvent.OVERDUE), job);
    }

    @Test
    void notifiersRoundTripWithEveryChannelSetting(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            Notifier mail = email("mail", Optional.empty());
            Notifier hook = new Notifier("chat", new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.SLACK,
                    "https://hooks.slack.com/…"), Set.of(NotifyEvent.SUCCESS), Optional.empty(), "ja");
            c.notifiers().add(mail);
            c.notifiers().add(hook);

            assertThat(c.notifiers().list()).containsExactly(hook, mail);
            assertThat(c.notifiers().find("mail")).contains(mail);
            assertThat(c.notifiers().list()).extracting(Notifier::language).containsExactly("ja", "en");
        }
    }

    @Test
    void aNotifiersLanguageCanBeChangedAndOnlyToEnglishOrJapanese(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            c.notifiers().add(email("mail", Optional.empty()));

            c.notifiers().setLanguage("mail", "ja");

            assertThat(c.notifiers().find("mail")).get().extracting(Notifier::language).isEqualTo("ja");
            assertThatThrownBy(() -> c.notifiers().setLanguage("mail", "fr"))
                    .hasMessage("--language: 'fr' is not one of en, ja");
            assertThatThrownBy(() -> c.notifiers().setLanguage("gone", "en"))
                    .hasMessageContaining("notifier 'gone' does not exist");
            assertThat(c.notifiers().find("mail")).get().extracting(Notifier::language).isEqualTo("ja");
        }
    }

    @Test
    void wantingPicksGlobalNotifiersAndTheJobsOwnForThatEventOnly(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            Fixtures.addBlogJob(c);
            c.jobs().add(new app.mamori.model.Job("mail", List.of("blog-db"), "nas"));
            c.notifiers().add(email("everyone", Optional.empty()));
            c.notifiers().add(email("blog-only", Optional.of("blog")));

            assertThat(c.notifiers().wanting(NotifyEvent.FAILURE, "blog")).extracting(Notifier::name)
                    .containsExactly("blog-only", "everyone");
            assertThat(c.notifiers().wanting(NotifyEvent.FAILURE, "mail")).extracting(Notifier::name)
                    .containsExactly("everyone");
            assertThat(c.notifiers().wanting(NotifyEvent.SUCCESS, "blog")).isEmpty();
        }
    }

    @Test
    void aNotifierForAJobThatDoesNotExistIsRefusedNamingTheOption(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            assertThatThrownBy(() -> c.notifiers().add(email("m", Optional.of("nope"))))
                    .hasMessageContaining("--job: job 'nope' does not exist");
        }
    }

    @Test
    void removingAJobRemovesItsOwnNotifiers(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            Fixtures.addBlogJob(c);
            c.notifiers().add(email("blog-only", Optional.of("blog")));
            c.jobs().remove("blog");
            assertThat(c.notifiers().list()).isEmpty();
        }
    }

    @Test
    void duplicateNamesAreRefusedWithTheWayOut(@TempDir Path tmp) {
        try (Catalog c = Catalog.open(tmp.resolve("c.db"))) {
            c.notifiers().add(email("mail", Optional.empty()));
            assertThatThrownBy(() -> c.notifiers().add(email("mail", Optional.empty())))
                    .hasMessageContaining("mamori notify remove mail");
        }
    }
}
