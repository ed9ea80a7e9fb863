package app.mamori.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP POST, built without I/O so each format can be tested as data. */
public record WebhookRequest(URI uri, Map<String, String> headers, byte[] body) {
    public WebhookRequest {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
