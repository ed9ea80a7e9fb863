package app.mamori.notify;

import app.mamori.model.Note;
import app.mamori.model.NotifyChannel.WebhookFormat;
import app.mamori.model.Refused;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** POSTs notices to a webhook with the JDK's HTTP client. */
public final class WebhookSender implements Sender {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int BODY_IN_ERROR = 200;

    private final WebhookFormat format;
    private final URI url;
    private final String shownAs;
    private final HttpClient client;

    /** @param url the full URL, a secret; error messages show only {@link #redact(URI)} of it */
    public WebhookSender(WebhookFormat format, URI url) {
        this.format = format;
        this.url = url;
        this.shownAs = redact(url);
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Scheme, host and port only: Slack, Discord and ping URLs carry their credential in the path. */
    public static String redact(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        boolean more = url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")
                || url.getRawQuery() != null;
        return url.getScheme() + "://" + url.getHost() + port + (more ? "/…" : "/");
    }

    /** Checks what the CLI is given before anything is stored. */
    public static URI parseUrl(String s) {
        URI uri;
        try {
            uri = new URI(s.trim());
        } catch (java.net.URISyntaxException e) {
            // never the URL itself: a webhook's path is its secret, and errors reach logs and screens
            throw Refused.of("webhookNotUrl", "--webhook: not a URL (" + e.getReason().toLowerCase(java.util.Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "); copy it again from"
                    + " the service's settings");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw Refused.of("webhookNotUrl", "--webhook: give an http:// or https:// URL with a host,"
                    + " as in https://hooks.slack.com/services/...");
        }
        return uri;
    }

    @Override
    public void send(Notice notice) throws NotifyException {
        Optional<WebhookRequest> built = WebhookPayloads.build(format, url, notice);
        if (built.isEmpty()) {
            return;
        }
        WebhookRequest r = built.get();
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(TIMEOUT)
                .header("User-Agent", "Mamori")
                .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach(b::header);
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new NotifyException(Note.of("webhookTimeout", "webhook " + shownAs + " did not answer within "
                    + TIMEOUT.toSeconds() + " s", shownAs, TIMEOUT.toSeconds()), e);
        } catch (ConnectException e) {
            throw new NotifyException(Note.of("webhookUnreachable", "cannot connect to webhook " + shownAs
                    + ": is the address right and reachable from this computer?", shownAs), e);
        } catch (IOException e) {
            throw new NotifyException("webhook " + shownAs + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotifyException("interrupted while calling webhook " + shownAs, e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            String said = body.isEmpty() ? "" : WebhookPayloads.limit(body, BODY_IN_ERROR);
            throw new NotifyException(Note.of("webhookHttp", "webhook " + shownAs + " answered HTTP "
                    + response.statusCode() + (said.isEmpty() ? "" : ": " + said) + "; check the URL and the format"
                    + " (--format " + format.id() + ")", shownAs, response.statusCode(), said), null);
        }
    }
}
