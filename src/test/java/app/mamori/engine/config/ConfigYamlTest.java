package app.mamori.engine.config;

import app.mamori.catalog.RunbookStore;
import app.mamori.model.Job;
import app.mamori.model.JumpHost;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.model.Objectives;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.ssh.PinnedKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigYamlTest {

    private static ConfigFile sample() {
        Server web = new Server("web", "web.lan", 2222, "backup", Optional.of("/home/a/.ssh/id_ed25519"),
                Optional.of(JumpHost.parse("gw@bastion.example.jp:22")));
        return new ConfigFile(
                List.of(new ConfigFile.ServerEntry(web, List.of(new PinnedKeys.Key("ssh-ed25519", "AAAA", "SHA256:x")),
                        List.of(new PinnedKeys.Key("ssh-rsa", "BBBB", "SHA256:y")), List.of("db", "uploads"))),
                List.of(new Source.Database("db", "web", SourceKind.MYSQL, "wp", Optional.of("127.0.0.1"),
                                Optional.of(3306), Optional.of("wp"), Optional.of("wp-db-1"), true),
                        new Source.Files("uploads", "web", List.of("/srv/a b", "/srv/c"), List.of("*.tmp")),
                        new Source.DockerVolume("vol", "web", "minio-data"),
                        new Source.Sqlite("tool", "web", "/srv/tool.db"),
                        new Source.Bucket("media", "web", "app-media", "avatars/", Optional.of("http://127.0.0.1:9000"),
                                "us-east-1", true, "backup", true)),
                List.of(new Vault("nas", "/mnt/nas", Optional.empty()), new Vault("onweb", "/backup", Optional.of("web"))),
                List.of(new ConfigFile.JobEntry(new Job("site", List.of("db", "uploads"), "nas"),
                        Optional.of("30 2 * * *"), new RetentionPolicy(3, 0, 7, 4, 12, 0),
                        new Objectives(Optional.of(Duration.ofMinutes(90)), Optional.empty()),
                        Optional.of("quarterly"))),
                new RetentionPolicy(0, 0, 14, 0, 0, 0),
                List.of(new Notifier("mail", new NotifyChannel.Email("smtp.example.jp", 587,
                                NotifyChannel.SmtpSecurity.STARTTLS, Optional.of("ops"), "mamori@example.jp",
                                List.of("a@example.jp", "b@example.jp"), Optional.empty()),
                                Set.of(NotifyEvent.FAILURE, NotifyEvent.DIGEST), Optional.empty()),
                        new Notifier("ping", new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.HEALTHCHECKS,
                                "https://hc-ping.com/…"), Set.of(NotifyEvent.SUCCESS), Optional.of("site"), "ja")),
                List.of(new RunbookStore.Contact("佐藤 愛子", "情報システム", "03-1234-5678", "")));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameConfigurationAndWritesTheSameBytes() {
        String yaml = ConfigYaml.write(sample());

        ConfigFile back = ConfigYaml.read(yaml);

        assertThat(back).isEqualTo(sample());
        assertThat(ConfigYaml.write(back)).isEqualTo(yaml);
        assertThat(yaml.split("language: ", -1)).as("only the Japanese notifier names its language").hasSize(2);
        assertThat(ConfigYaml.hash(yaml)).hasSize(12).isEqualTo(ConfigYaml.hash(ConfigYaml.write(back)));
    }

    @Test
    void secretsAreNamedNeverWritten() {
        String yaml = ConfigYaml.write(sample());

        assertThat(yaml).contains("passwordSecret: source/db/password").contains("name: notify/mail/password")
                .contains("name: notify/ping/url").contains("secretKeySecret: source/media/password");
        assertThat(sample().secrets()).extracting(ConfigFile.Secret::key).containsExactly("source/db/password",
                "source/media/password", "notify/mail/password", "notify/ping/url");
        assertThat(sample().secrets()).extracting(ConfigFile.Secret::optional).containsExactly(false, false, true,
                false);
    }

    @Test
    void aMistakeInTheFileNamesWhereItIs() {
        String yaml = ConfigYaml.write(sample());

        assertThatThrownBy(() -> ConfigYaml.read(yaml.replace("rpo: 1h30m", "rpo: soon")))
                .hasMessageContaining("jobs[0].objectives.rpo: 'soon' is not a duration");
        assertThatThrownBy(() -> ConfigYaml.read(yaml.replace("kind: sqlite", "kind: oracle")))
                .hasMessageContaining("sources[3]: --kind: 'oracle' is not one of");
        assertThatThrownBy(() -> ConfigYaml.read(yaml.replace("mamori: 1", "mamori: 2")))
                .hasMessageContaining("format 2, this program reads format 1");
        assertThatThrownBy(() -> ConfigYaml.read("servers: [")).hasMessageContaining("the file is not YAML");
    }
}
