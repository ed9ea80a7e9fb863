package app.mamori.notify;

import app.mamori.model.NotifyChannel.WebhookFormat;
import app.mamori.model.NotifyEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What each webhook format posts for a notice. Pure. */
public final class WebhookPayloads {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";
    /** Discord refuses a message longer than this. */
    static final int DISCORD_LIMIT = 2000;
    /** Slack recommends keeping a message's text under this. */
    static final int SLACK_LIMIT = 4000;

    private WebhookPayloads() {
    }

    /** The request to send, or empty when this format has nothing to say about the event. */
    public static Optional<WebhookRequest> build(WebhookFormat format, URI url, Notice n) {
        return switch (format) {
            case JSON -> Optional.of(json(url, mamoriJson(n)));
            case SLACK -> Optional.of(json(url, Map.of("text", limit("*" + n.title() + "*\n" + n.text(), SLACK_LIMIT))));
            case DISCORD -> Optional.of(json(url, Map.of("content",
                    limit("**" + n.title() + "**\n" + n.text(), DISCORD_LIMIT))));
            case NTFY -> Optional.of(ntfy(url, n));
            case HEALTHCHECKS -> healthchecks(url, n);
        };
    }

    /** Mamori's own format, documented in docs/notifications.md. */
    static Map<String, Object> mamoriJson(Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", n.event().id());
        m.put("test", n.test());
        m.put("time", n.time().toString());
        m.put("title", n.title());
        m.put("text", n.text());
        m.putAll(n.fields());
        return m;
    }

    private static WebhookRequest ntfy(URI url, Notice n) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Title", headerText(n.title()));
        headers.put("Priority", n.bad() ? "high" : "default");
        headers.put("Tags", n.bad() ? "warning" : "white_check_mark");
        return new WebhookRequest(url, headers, n.text().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * healthchecks.io and its clones watch the schedule themselves: success pings the URL,
     * failure pings {@code URL/fail}; overdue and digests mean nothing to them.
     */
    private static Optional<WebhookRequest> healthchecks(URI url, Notice n) {
        if (n.event() != NotifyEvent.SUCCESS && n.event() != NotifyEvent.FAILURE) {
            return Optional.empty();
        }
        URI target = n.event() == NotifyEvent.FAILURE ? withPathSuffix(url, "/fail") : url;
        return Optional.of(new WebhookRequest(target, Map.of("Content-Type", "text/plain; charset=utf-8"),
                (n.title() + "\n" + n.text()).getBytes(StandardCharsets.UTF_8)));
    }

    static URI withPathSuffix(URI url, String suffix) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String s = url.getScheme() + "://" + url.getRawAuthority() + trimmed + suffix
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return URI.create(s);
    }

    private static WebhookRequest json(URI url, Map<String, Object> body) {
        try {
            return new WebhookRequest(url, Map.of("Content-Type", JSON), MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification as JSON", e);
        }
    }

    /** HTTP header values are ASCII; anything else goes as an RFC 2047 encoded word, which ntfy decodes. */
    static String headerText(String s) {
        String oneLine = s.replaceAll("[\\r\\n]+", " ");
        if (oneLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return oneLine;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(oneLine.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    static String limit(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String cut = s.substring(0, max - 1);
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
