package app.mamori.cli;

import app.mamori.engine.notify.Notifications;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.notify.WebhookSender;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code mamori notify add|list|set|remove|test}. */
@Command(name = "notify", description = "Who hears about failures, successes and overdue jobs",
        mixinStandardHelpOptions = true, subcommands = {NotifyCommands.Add.class, NotifyCommands.ListNotifiers.class,
        NotifyCommands.SetNotifier.class, NotifyCommands.Remove.class, NotifyCommands.Test.class})
final class NotifyCommands {

    @Command(name = "add", sortOptions = false, description = {
            "Add a notifier: a webhook or an e-mail address, for all jobs or one (--job).",
            "Secrets (the SMTP password, the webhook URL) go to the secret store, never the catalogue."})
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--webhook", paramLabel = "URL", description = "POST notices to this URL")
            String webhook;
            @Option(names = "--webhook-stdin", description = "read the webhook URL from stdin (keeps a Slack or"
                    + " Discord URL, which is a credential, out of shell history and ps)")
            boolean webhookStdin;
            @Option(names = "--smtp", paramLabel = "HOST", description = "send e-mail through this mail server")
            String smtp;
        }

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
                description = "webhook body: json, slack, discord, ntfy, healthchecks (default: ${DEFAULT-VALUE})")
        String format;
        @Option(names = "--smtp-port", paramLabel = "PORT", description = "default 587 for starttls, 465 for tls")
        Integer smtpPort;
        @Option(names = "--smtp-security", paramLabel = "MODE", defaultValue = "starttls",
                description = "starttls (required, never falls back to plain text) or tls (default: ${DEFAULT-VALUE})")
        String smtpSecurity;
        @Option(names = "--smtp-user", paramLabel = "USER", description = "log in as USER (with --smtp-password-stdin)")
        String smtpUser;
        @Option(names = "--smtp-password-stdin", description = "read the SMTP password from stdin (one line)")
        boolean smtpPasswordStdin;
        @Option(names = "--smtp-ca", paramLabel = "FILE",
                description = "also trust this PEM certificate (an office server's own)")
        Path smtpCa;
        @Option(names = "--from", paramLabel = "ADDRESS")
        String from;
        @Option(names = "--to", paramLabel = "ADDRESS", split = ",", description = "repeatable, or comma-separated")
        List<String> to = new ArrayList<>();
        @Option(names = "--on", paramLabel = "EVENTS", defaultValue = "failure,overdue",
                description = "comma-separated: failure, success, overdue, digest (default: ${DEFAULT-VALUE})")
        String on;
        @Option(names = "--job", paramLabel = "JOB", description = "only this job's events (default: every job)")
        String job;
        @Option(names = "--language", paramLabel = "LANG", defaultValue = "en",
                description = "write the notices in en (English) or ja (Japanese) (default: ${DEFAULT-VALUE})")
        String language;

        @Override
        int run() throws Exception {
            Notifier.requireLanguage(language); // before a password or URL is read from stdin for nothing
            NotifyChannel channel;
            String secret;
            if (target.smtp != null) {
                NotifyChannel.SmtpSecurity security = NotifyChannel.SmtpSecurity.parse(smtpSecurity);
                if (smtpCa != null && !Files.isReadable(smtpCa)) {
                    throw new IllegalArgumentException("--smtp-ca: cannot read " + smtpCa);
                }
                if (smtpPasswordStdin && smtpUser == null) {
                    throw new IllegalArgumentException("--smtp-password-stdin needs --smtp-user");
                }
                channel = new NotifyChannel.Email(target.smtp, smtpPort == null ? security.defaultPort() : smtpPort,
                        security, Optional.ofNullable(smtpUser), from, to,
                        Optional.ofNullable(smtpCa).map(p -> p.toAbsolutePath().normalize().toString()));
                secret = smtpPasswordStdin ? SourceCommands.readPassword(stdin()) : null;
            } else {
                if (smtpPasswordStdin || smtpUser != null || from != null || !to.isEmpty()) {
                    throw new IllegalArgumentException("--smtp-user, --smtp-password-stdin, --from and --to are for"
                            + " e-mail notifiers (--smtp HOST)");
                }
                if (!target.webhookStdin) {
                    err().println("mamori: warning: --webhook puts the URL, and the secret in it, on the command line"
                            + " where ps and the shell history show it; --webhook-stdin reads it from stdin instead");
                }
                URI url = WebhookSender.parseUrl(target.webhookStdin ? SourceCommands.readPassword(stdin())
                        : target.webhook);
                channel = new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.parse(format), WebhookSender.redact(url));
                secret = url.toString();
            }
            Notifier n = new Notifier(name, channel, NotifyEvent.parseList(on), Optional.ofNullable(job), language);
            ctx().services().notifiers().add(n, Optional.ofNullable(secret));
            out().println("added notifier " + name + " (" + describe(n) + "); try it with: mamori notify test " + name);
            return 0;
        }
    }

    @Command(name = "list", description = "List notifiers (secrets are not shown).")
    static final class ListNotifiers extends Base {
        @Option(names = "--json", description = "print as JSON (see docs/cli.md)")
        boolean json;

        @Override
        int run() throws Exception {
            List<Notifier> all = ctx().services().notifiers().list();
            if (json) {
                out().println(JsonOut.write(all.stream().map(NotifyCommands::asJson).toList()));
                return 0;
            }
            for (Notifier n : all) {
                out().println(n.name() + "\t" + describe(n) + "\ton " + events(n) + "\t"
                        + n.job().map(j -> "job " + j).orElse("all jobs") + "\tin " + n.language());
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change a notifier: the language its notices are written in.")
    static final class SetNotifier extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--language", paramLabel = "LANG", required = true,
                description = "write the notices in en (English) or ja (Japanese)")
        String language;

        @Override
        int run() throws Exception {
            ctx().services().notifiers().setLanguage(name, language);
            out().println("notifier " + name + " now writes in " + language + "; try it with: mamori notify test "
                    + name);
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a notifier and its stored secret.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() throws Exception {
            ctx().services().notifiers().remove(name);
            out().println("removed notifier " + name);
            return 0;
        }
    }

    @Command(name = "test", description = "Send a test message through a notifier now.")
    static final class Test extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() {
            Notifications.Delivery d = ctx().services().notifiers().test(name);
            if (!d.ok()) {
                err().println("mamori: " + d.error().get());
                return 1;
            }
            out().println("test message sent through notifier " + name);
            return 0;
        }
    }

    static String describe(Notifier n) {
        if (n.channel() instanceof NotifyChannel.Email e) {
            return "e-mail to " + String.join(", ", e.to()) + " via " + e.host() + ":" + e.port() + " ("
                    + e.security().id() + ")";
        }
        NotifyChannel.Webhook w = (NotifyChannel.Webhook) n.channel();
        return w.format().id() + " webhook " + w.shownAs();
    }

    private static String events(Notifier n) {
        return n.on().stream().sorted().map(NotifyEvent::id).collect(Collectors.joining(","));
    }

    private static Map<String, Object> asJson(Notifier n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("on", n.on().stream().sorted().map(NotifyEvent::id).toList());
        m.put("job", n.job().orElse(null));
        m.put("language", n.language());
        if (n.channel() instanceof NotifyChannel.Email e) {
            m.put("channel", "email");
            m.put("host", e.host());
            m.put("port", e.port());
            m.put("security", e.security().id());
            m.put("user", e.user().orElse(null));
            m.put("from", e.from());
            m.put("to", e.to());
        } else {
            NotifyChannel.Webhook w = (NotifyChannel.Webhook) n.channel();
            m.put("channel", "webhook");
            m.put("format", w.format().id());
            m.put("url", w.shownAs());
        }
        return m;
    }
}
