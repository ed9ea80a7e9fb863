package app.mamori.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a notifier delivers. Holds no secret: the SMTP password and the webhook URL (whose
 * path is often the credential itself, as with Slack and Discord) live in the secret store.
 */
public sealed interface NotifyChannel {

    /** A rough shape check only; the mail server has the last word. */
    Pattern ADDRESS = Pattern.compile("[^@\\s<>,]+@[^@\\s<>,]+");

    /** How the connection to the mail server is protected. There is no plain-text mode. */
    enum SmtpSecurity {
        /** Plain connect, then STARTTLS, required (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public int defaultPort() {
            return this == TLS ? 465 : 587;
        }

        public static SmtpSecurity parse(String s) {
            return Arrays.stream(values()).filter(v -> v.id().equalsIgnoreCase(s.trim())).findFirst()
                    .orElseThrow(() -> Refused.of("smtpSecurity", "--smtp-security: '" + s
                            + "' is not one of starttls, tls", s));
        }
    }

    /** What the webhook's body looks like. */
    enum WebhookFormat {
        /** Mamori's own JSON (docs/notifications.md). */
        JSON,
        SLACK,
        DISCORD,
        NTFY,
        /** A healthchecks.io-style ping URL: success pings the URL, failure {@code URL/fail}. */
        HEALTHCHECKS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static WebhookFormat parse(String s) {
            return Arrays.stream(values()).filter(v -> v.id().equalsIgnoreCase(s.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--format: '" + s + "' is not one of "
                            + Arrays.stream(values()).map(WebhookFormat::id).collect(Collectors.joining(", "))));
        }
    }

    /**
     * @param user   empty when the server takes mail without logging in
     * @param caFile a PEM certificate to trust besides the system's (a self-signed office server)
     */
    record Email(String host, int port, SmtpSecurity security, Optional<String> user, String from, List<String> to,
                 Optional<String> caFile) implements NotifyChannel {
        public Email {
            if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
                throw Refused.of("smtpHost", "--smtp: give the mail server's host name, as in --smtp mail.example.com");
            }
            if (port < 1 || port > 65535) {
                throw Refused.of("smtpPort", "--smtp-port: " + port + " is not a port (1-65535)", port);
            }
            requireAddress("--from", "mailFrom", from);
            if (to == null || to.isEmpty()) {
                throw Refused.of("mailNoRecipient", "--to: give at least one address to send to");
            }
            to.forEach(a -> requireAddress("--to", "mailTo", a));
            to = List.copyOf(to);
            user = user == null ? Optional.empty() : user.filter(u -> !u.isBlank());
            caFile = caFile == null ? Optional.empty() : caFile;
        }

        private static void requireAddress(String option, String key, String address) {
            if (address == null || !ADDRESS.matcher(address).matches()) {
                throw Refused.of(key, option + ": '" + address + "' is not an e-mail address"
                        + " (name@example.com)", address == null ? "" : address);
            }
        }
    }

    /** @param shownAs the URL with its path and query hidden, safe to print and export */
    record Webhook(WebhookFormat format, String shownAs) implements NotifyChannel {
    }
}
