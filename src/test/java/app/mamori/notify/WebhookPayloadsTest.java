package app.mamori.notify;

import app.mamori.model.NotifyChannel.WebhookFormat;
import app.mamori.model.NotifyEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadsTest {
    private static final URI URL = URI.create("https://hooks.example.com/services/T000/B000/XXXX?x=1");
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    private static Notice notice(NotifyEvent event, String title, String text) {
        return new Notice(event, title, text, Map.of("job", "blog", "server", "web1"), NOW, false,
                "Sent by Mamori at " + NOW);
    }

    private static JsonNode json(WebhookRequest r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void mamoriJsonCarriesEventTitleTextAndEveryField() throws Exception {
        WebhookRequest r = WebhookPayloads.build(WebhookFormat.JSON, URL,
                notice(NotifyEvent.FAILURE, "Backup of job blog failed", "why")).orElseThrow();
        JsonNode n = json(r);
        assertThat(n.get("event").asText()).isEqualTo("failure");
        assertThat(n.get("time").asText()).isEqualTo("2026-11-24T03:00:00Z");
        assertThat(n.get("job").asText()).isEqualTo("blog");
        assertThat(n.get("test").asBoolean()).isFalse();
        assertThat(r.headers()).containsEntry("Content-Type", "application/json");
        assertThat(r.uri()).isEqualTo(URL);
    }

    @Test
    void discordMessagesAreCutToDiscordsLimitWithoutSplittingASurrogatePair() throws Exception {
        String text = "😀".repeat(3000);
        WebhookRequest r = WebhookPayloads.build(WebhookFormat.DISCORD, URL, notice(NotifyEvent.FAILURE, "t", text))
                .orElseThrow();
        String content = json(r).get("content").asText();
        assertThat(content.length()).isLessThanOrEqualTo(WebhookPayloads.DISCORD_LIMIT);
        assertThat(content).startsWith("**t**\n").endsWith("…");
        assertThat(Character.isHighSurrogate(content.charAt(content.length() - 2))).isFalse();
    }

    @Test
    void slackGetsABoldTitleAndTheText() throws Exception {
        WebhookRequest r = WebhookPayloads.build(WebhookFormat.SLACK, URL, notice(NotifyEvent.SUCCESS, "ok", "fine"))
                .orElseThrow();
        assertThat(json(r).get("text").asText()).isEqualTo("*ok*\nfine");
    }

    @Test
    void ntfyPostsPlainTextWithTitlePriorityAndTagsAndEncodesNonAsciiTitles() {
        WebhookRequest bad = WebhookPayloads.build(WebhookFormat.NTFY, URL,
                notice(NotifyEvent.OVERDUE, "ジョブ blog overdue", "text")).orElseThrow();
        assertThat(bad.bodyText()).isEqualTo("text");
        assertThat(bad.headers()).containsEntry("Priority", "high").containsEntry("Tags", "warning");
        String title = bad.headers().get("Title");
        assertThat(title).startsWith("=?UTF-8?B?").endsWith("?=");
        String decoded = new String(Base64.getDecoder().decode(title.substring(10, title.length() - 2)),
                StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("ジョブ blog overdue");

        WebhookRequest good = WebhookPayloads.build(WebhookFormat.NTFY, URL,
                notice(NotifyEvent.SUCCESS, "line one\nline two", "x")).orElseThrow();
        assertThat(good.headers()).containsEntry("Title", "line one line two").containsEntry("Priority", "default");
    }

    @Test
    void healthchecksPingsTheUrlOnSuccessAndUrlSlashFailOnFailureAndIgnoresTheRest() {
        URI ping = URI.create("https://hc-ping.com/abc-123/");
        assertThat(WebhookPayloads.build(WebhookFormat.HEALTHCHECKS, ping, notice(NotifyEvent.SUCCESS, "t", "x"))
                .orElseThrow().uri()).isEqualTo(ping);
        assertThat(WebhookPayloads.build(WebhookFormat.HEALTHCHECKS, ping, notice(NotifyEvent.FAILURE, "t", "x"))
                .orElseThrow().uri()).isEqualTo(URI.create("https://hc-ping.com/abc-123/fail"));
        assertThat(WebhookPayloads.build(WebhookFormat.HEALTHCHECKS, URI.create("https://h.example/p?k=v"),
                notice(NotifyEvent.FAILURE, "t", "x")).orElseThrow().uri())
                .isEqualTo(URI.create("https://h.example/p/fail?k=v"));
        assertThat(WebhookPayloads.build(WebhookFormat.HEALTHCHECKS, ping, notice(NotifyEvent.OVERDUE, "t", "x")))
                .isEmpty();
        assertThat(WebhookPayloads.build(WebhookFormat.HEALTHCHECKS, ping, notice(NotifyEvent.DIGEST, "t", "x")))
                .isEmpty();
    }

    @Test
    void aRedactedUrlKeepsOnlySchemeHostAndPort() {
        assertThat(WebhookSender.redact(URL)).isEqualTo("https://hooks.example.com/…");
        assertThat(WebhookSender.redact(URI.create("http://127.0.0.1:8080/"))).isEqualTo("http://127.0.0.1:8080/");
        assertThat(WebhookSender.redact(URI.create("https://ntfy.sh/topic"))).isEqualTo("https://ntfy.sh/…");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedNamingTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSender.parseUrl("ftp://x/y"))
                .hasMessageStartingWith("--webhook:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSender.parseUrl("hooks.slack.com/x"))
                .hasMessageStartingWith("--webhook:");
    }

    @Test
    void aMalformedUrlIsRefusedWithoutRepeatingItsSecret() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookSender.parseUrl(
                        "https://hooks.slack.com/services/T000/B000/s3cr3t token"))
                .hasMessageStartingWith("--webhook: not a URL").hasMessageContaining("at character 50")
                .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("hooks.slack.com");
    }
}
