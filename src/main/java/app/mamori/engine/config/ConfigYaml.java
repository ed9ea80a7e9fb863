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
import app.mamori.secret.SecretStore;
import app.mamori.ssh.PinnedKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The YAML form of a {@link ConfigFile}: written in one fixed order, so the same configuration
 * always gives the same bytes (and the same hash, which the runbook prints), and read back with
 * every mistake named by where it is, as in {@code jobs[2].schedule}.
 */
public final class ConfigYaml {
    /** The format's version: an import refuses a file of a newer one. */
    public static final int FORMAT = 1;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private static final String HEADER = "# Mamori configuration (mamori config export). No secret is in this file:\n"
            + "# each one it needs is named under 'secrets', and `mamori config import` asks for it.\n";

    private ConfigYaml() {
    }

    public static String write(ConfigFile c) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("mamori", FORMAT);
        ArrayNode servers = root.putArray("servers");
        for (ConfigFile.ServerEntry e : c.servers()) {
            Server s = e.server();
            ObjectNode o = servers.addObject();
            o.put("name", s.name());
            o.put("host", s.host());
            o.put("port", s.port());
            o.put("user", s.user());
            s.identity().ifPresent(i -> o.put("identity", i));
            s.jump().ifPresent(j -> o.put("jump", j.toString()));
            keys(o.putArray("hostKeys"), e.hostKeys());
            if (!e.jumpHostKeys().isEmpty()) {
                keys(o.putArray("jumpHostKeys"), e.jumpHostKeys());
            }
            if (!e.restoreOrder().isEmpty()) {
                e.restoreOrder().forEach(o.putArray("restoreOrder")::add);
            }
        }
        ArrayNode sources = root.putArray("sources");
        c.sources().forEach(s -> source(sources.addObject(), s));
        ArrayNode vaults = root.putArray("vaults");
        for (Vault v : c.vaults()) {
            ObjectNode o = vaults.addObject();
            o.put("name", v.name());
            o.put("path", v.path());
            v.server().ifPresent(x -> o.put("server", x));
        }
        if (!c.objectVaults().isEmpty()) {
            ArrayNode objectVaults = root.putArray("objectVaults");
            c.objectVaults().forEach(v -> OffsiteYaml.writeVault(objectVaults.addObject(), v));
        }
        ArrayNode jobs = root.putArray("jobs");
        for (ConfigFile.JobEntry e : c.jobs()) {
            ObjectNode o = jobs.addObject();
            o.put("name", e.job().name());
            e.job().sources().forEach(o.putArray("sources")::add);
            o.put("vault", e.job().vault());
            e.schedule().ifPresent(x -> o.put("schedule", x));
            retention(o, e.retention());
            if (!e.objectives().isEmpty()) {
                ObjectNode obj = o.putObject("objectives");
                e.objectives().rpo().ifPresent(d -> obj.put("rpo", Objectives.format(d)));
                e.objectives().rto().ifPresent(d -> obj.put("rto", Objectives.format(d)));
            }
            e.drill().ifPresent(x -> o.put("drill", x));
            e.stall().ifPresent(d -> o.put("stallTimeout", Objectives.format(d)));
            OffsiteYaml.writeJob(o, e, (parent, keep) -> retention(parent, keep, "keep"));
        }
        retention(root, c.defaultRetention(), "defaultRetention");
        ArrayNode notifiers = root.putArray("notifiers");
        c.notifiers().forEach(n -> notifier(notifiers.addObject(), n));
        ArrayNode contacts = root.putArray("contacts");
        for (RunbookStore.Contact k : c.contacts()) {
            ObjectNode o = contacts.addObject();
            o.put("name", k.name());
            putIfSet(o, "role", k.role());
            putIfSet(o, "phone", k.phone());
            putIfSet(o, "email", k.email());
        }
        ArrayNode secrets = root.putArray("secrets");
        for (ConfigFile.Secret s : c.secrets()) {
            ObjectNode o = secrets.addObject();
            o.put("name", s.key());
            o.put("for", s.what());
        }
        try {
            return HEADER + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    /** The SHA-256 of the file {@link #write} gives, shortened to 12 hex digits: the runbook's configuration stamp. */
    public static String hash(String yaml) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void keys(ArrayNode a, List<PinnedKeys.Key> keys) {
        for (PinnedKeys.Key k : keys) {
            ObjectNode o = a.addObject();
            o.put("type", k.type());
            o.put("fingerprint", k.fingerprint());
            o.put("key", k.key());
        }
    }

    private static void source(ObjectNode o, Source s) {
        o.put("name", s.name());
        o.put("server", s.server());
        o.put("kind", s.kind().id());
        if (s instanceof Source.Database d) {
            o.put("database", d.database());
            d.dbHost().ifPresent(x -> o.put("dbHost", x));
            d.dbPort().ifPresent(x -> o.put("dbPort", x));
            d.dbUser().ifPresent(x -> o.put("dbUser", x));
            d.container().ifPresent(x -> o.put("container", x));
            if (d.hasPassword()) {
                // named, never written: the import asks for it (see 'secrets')
                o.put("passwordSecret", SecretStore.sourcePasswordKey(d.name()));
            }
        } else if (s instanceof Source.Sqlite q) {
            o.put("path", q.path());
        } else if (s instanceof Source.Files f) {
            f.paths().forEach(o.putArray("paths")::add);
            if (!f.excludes().isEmpty()) {
                f.excludes().forEach(o.putArray("excludes")::add);
            }
        } else if (s instanceof Source.DockerVolume v) {
            o.put("volume", v.volume());
        } else if (s instanceof Source.Bucket b) {
            o.put("bucket", b.bucket());
            if (!b.prefix().isEmpty()) {
                o.put("prefix", b.prefix());
            }
            b.endpoint().ifPresent(x -> o.put("endpoint", x));
            o.put("region", b.region());
            if (b.pathStyle()) {
                o.put("pathStyle", true);
            }
            if (b.viaSsh()) {
                o.put("viaSsh", true);
            }
            o.put("accessKeyId", b.accessKeyId());
            // named, never written: the import asks for it (see 'secrets')
            o.put("secretKeySecret", SecretStore.sourcePasswordKey(b.name()));
        }
    }

    private static void retention(ObjectNode parent, RetentionPolicy p) {
        retention(parent, p, "retention");
    }

    private static void retention(ObjectNode parent, RetentionPolicy p, String field) {
        ObjectNode o = parent.putObject(field);
        int[] n = {p.last(), p.hourly(), p.daily(), p.weekly(), p.monthly(), p.yearly()};
        String[] names = {"last", "hourly", "daily", "weekly", "monthly", "yearly"};
        for (int i = 0; i < n.length; i++) {
            if (n[i] > 0) {
                o.put(names[i], n[i]);
            }
        }
    }

    private static void notifier(ObjectNode o, Notifier n) {
        o.put("name", n.name());
        if (n.channel() instanceof NotifyChannel.Email e) {
            ObjectNode m = o.putObject("email");
            m.put("host", e.host());
            m.put("port", e.port());
            m.put("security", e.security().id());
            e.user().ifPresent(u -> m.put("user", u));
            m.put("from", e.from());
            e.to().forEach(m.putArray("to")::add);
            e.caFile().ifPresent(f -> m.put("caFile", f));
        } else if (n.channel() instanceof NotifyChannel.Webhook w) {
            ObjectNode m = o.putObject("webhook");
            m.put("format", w.format().id());
            m.put("shownAs", w.shownAs());
        }
        ArrayNode on = o.putArray("on");
        List.of(NotifyEvent.values()).stream().filter(n.on()::contains).forEach(e -> on.add(e.id()));
        n.job().ifPresent(j -> o.put("job", j));
        // English, the default, is left out: a configuration exported before notices had a language keeps its hash
        if (!n.language().equals(Notifier.LANGUAGES.get(0))) {
            o.put("language", n.language());
        }
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }

    /** Reads a file {@link #write} wrote (or an admin edited); a mistake names where it is and what is expected. */
    public static ConfigFile read(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the file is not YAML: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file is not a Mamori configuration: export one with"
                    + " mamori config export");
        }
        int format = root.path("mamori").asInt(0);
        if (format != FORMAT) {
            throw new IllegalArgumentException("mamori: the file says format " + root.path("mamori").asText("(none)")
                    + ", this program reads format " + FORMAT + "; export it again with this version");
        }
        List<ConfigFile.ServerEntry> servers = new ArrayList<>();
        each(root, "servers", (o, at) -> servers.add(new ConfigFile.ServerEntry(new Server(text(o, at, "name"),
                text(o, at, "host"), integer(o, at, "port", 22), text(o, at, "user"), optText(o, "identity"),
                optText(o, "jump").map(j -> JumpHost.parse(j))), keys(o, at + ".hostKeys", "hostKeys"),
                keys(o, at + ".jumpHostKeys", "jumpHostKeys"), strings(o, "restoreOrder"))));
        List<Source> sources = new ArrayList<>();
        each(root, "sources", (o, at) -> sources.add(source(o, at)));
        List<Vault> vaults = new ArrayList<>();
        each(root, "vaults", (o, at) -> vaults.add(new Vault(text(o, at, "name"), text(o, at, "path"),
                optText(o, "server"))));
        List<app.mamori.model.ObjectVault> objectVaults = new ArrayList<>();
        each(root, "objectVaults", (o, at) -> objectVaults.add(OffsiteYaml.readVault(o, at)));
        List<ConfigFile.JobEntry> jobs = new ArrayList<>();
        each(root, "jobs", (o, at) -> {
            JsonNode obj = o.path("objectives");
            String name = text(o, at, "name");
            jobs.add(new ConfigFile.JobEntry(new Job(name, strings(o, "sources"), text(o, at, "vault")),
                    optText(o, "schedule"), retention(o.path("retention")),
                    new Objectives(Objectives.parse(at + ".objectives.rpo", obj.path("rpo").asText("none")),
                            Objectives.parse(at + ".objectives.rto", obj.path("rto").asText("none"))),
                    optText(o, "drill"), OffsiteYaml.readCopy(o, name, retention(o.path("copy").path("keep"))),
                    OffsiteYaml.readPause(o, name, at),
                    Objectives.parse(at + ".stallTimeout", o.path("stallTimeout").asText("none"))));
        });
        List<Notifier> notifiers = new ArrayList<>();
        each(root, "notifiers", (o, at) -> notifiers.add(notifier(o, at)));
        List<RunbookStore.Contact> contacts = new ArrayList<>();
        each(root, "contacts", (o, at) -> contacts.add(new RunbookStore.Contact(text(o, at, "name"),
                o.path("role").asText(""), o.path("phone").asText(""), o.path("email").asText(""))));
        return new ConfigFile(servers, sources, vaults, jobs, retention(root.path("defaultRetention")), notifiers,
                contacts, objectVaults);
    }

    private interface Item {
        void read(JsonNode o, String at);
    }

    private static void each(JsonNode root, String field, Item item) {
        JsonNode a = root.path(field);
        if (a.isMissingNode() || a.isNull()) {
            return;
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException(field + ": expected a list");
        }
        for (int i = 0; i < a.size(); i++) {
            String at = field + "[" + i + "]";
            try {
                item.read(a.get(i), at);
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new IllegalArgumentException(m.startsWith(at) ? m : at + ": " + m, e);
            }
        }
    }

    private static String text(JsonNode o, String at, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + "." + field + " is missing; add it, or export the file again");
        }
        return v.asText();
    }

    private static Optional<String> optText(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    private static int integer(JsonNode o, String at, String field, int otherwise) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(at + "." + field + ": '" + v.asText() + "' is not a whole number");
        }
        return v.asInt();
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        o.path(field).forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<PinnedKeys.Key> keys(JsonNode o, String at, String field) {
        List<PinnedKeys.Key> out = new ArrayList<>();
        JsonNode a = o.path(field);
        for (int i = 0; i < a.size(); i++) {
            JsonNode k = a.get(i);
            String here = at + "[" + i + "]";
            out.add(new PinnedKeys.Key(text(k, here, "type"), text(k, here, "key"), text(k, here, "fingerprint")));
        }
        return out;
    }

    private static Source source(JsonNode o, String at) {
        String name = text(o, at, "name");
        String server = text(o, at, "server");
        SourceKind kind = SourceKind.fromId(text(o, at, "kind"));
        return switch (kind) {
            case POSTGRES, MYSQL -> new Source.Database(name, server, kind, text(o, at, "database"),
                    optText(o, "dbHost"), o.hasNonNull("dbPort") ? Optional.of(integer(o, at, "dbPort", 0))
                    : Optional.empty(), optText(o, "dbUser"), optText(o, "container"),
                    o.hasNonNull("passwordSecret"));
            case SQLITE -> new Source.Sqlite(name, server, text(o, at, "path"));
            case FILES -> new Source.Files(name, server, strings(o, "paths"), strings(o, "excludes"));
            case DOCKER_VOLUME -> new Source.DockerVolume(name, server, text(o, at, "volume"));
            case S3_BUCKET -> new Source.Bucket(name, server, text(o, at, "bucket"), o.path("prefix").asText(""),
                    optText(o, "endpoint"), text(o, at, "region"), o.path("pathStyle").asBoolean(false),
                    text(o, at, "accessKeyId"), o.path("viaSsh").asBoolean(false));
        };
    }

    private static RetentionPolicy retention(JsonNode o) {
        return new RetentionPolicy(o.path("last").asInt(0), o.path("hourly").asInt(0), o.path("daily").asInt(0),
                o.path("weekly").asInt(0), o.path("monthly").asInt(0), o.path("yearly").asInt(0));
    }

    private static Notifier notifier(JsonNode o, String at) {
        NotifyChannel channel;
        if (o.has("email")) {
            JsonNode m = o.get("email");
            NotifyChannel.SmtpSecurity security = NotifyChannel.SmtpSecurity.parse(m.path("security").asText("starttls"));
            channel = new NotifyChannel.Email(text(m, at + ".email", "host"),
                    integer(m, at + ".email", "port", security.defaultPort()), security, optText(m, "user"),
                    text(m, at + ".email", "from"), strings(m, "to"), optText(m, "caFile"));
        } else if (o.has("webhook")) {
            JsonNode m = o.get("webhook");
            channel = new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.parse(m.path("format").asText("json")),
                    m.path("shownAs").asText(""));
        } else {
            throw new IllegalArgumentException(at + ": give email or webhook");
        }
        String on = strings(o, "on").stream().collect(Collectors.joining(","));
        return new Notifier(text(o, at, "name"), channel, NotifyEvent.parseList(on), optText(o, "job"),
                optText(o, "language").orElse(null));
    }
}
