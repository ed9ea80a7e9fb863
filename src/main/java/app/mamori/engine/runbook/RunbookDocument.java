package app.mamori.engine.runbook;

import app.mamori.catalog.RunbookStore;
import app.mamori.catalog.Verification;
import app.mamori.engine.config.ConfigFile;
import app.mamori.engine.objective.Verdict;
import app.mamori.model.Objectives;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.ssh.PinnedKeys;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays a {@link Runbook} out in the order an admin reads it on a bad day, in one language. */
public final class RunbookDocument {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z", Locale.ROOT);

    private final RunbookText t;
    private final ZoneId zone;
    private final List<Block> out = new ArrayList<>();

    private RunbookDocument(RunbookText t, ZoneId zone) {
        this.t = t;
        this.zone = zone;
    }

    /** The runbook as a file's text. */
    public static String write(Runbook r, RunbookFormat format, RunbookText text, ZoneId zone) {
        RunbookDocument d = new RunbookDocument(text, zone);
        d.lay(r);
        return format.write(d.out, text.locale().getLanguage(), text.t("title"));
    }

    /**
     * The offsite recovery sheet: one page to keep apart from the office (with the passphrase kept
     * elsewhere again), saying what brings the backups back from the offsite copies when the
     * workstation, the servers and the vaults are all gone: who to call, each bucket and how to
     * reach it, the commands, and the servers' host key fingerprints to check before trusting one.
     */
    public static String writeRecoverySheet(Runbook r, RunbookFormat format, RunbookText text, ZoneId zone) {
        RunbookDocument d = new RunbookDocument(text, zone);
        d.laySheet(r);
        return format.write(d.out, text.locale().getLanguage(), text.t("sheet.title"));
    }

    private void laySheet(Runbook r) {
        heading(1, t.t("sheet.title"));
        para(t.t("generated", when(r.generatedAt()), r.configHash()));
        para(t.t("sheet.howToUse"));
        contacts(r);
        offsite(r);
        heading(3, t.t("hostKeys"));
        List<String> keys = new ArrayList<>();
        for (Runbook.ServerPart s : r.servers()) {
            s.hostKeys().forEach(k -> keys.add(s.server().name() + ": " + key(k)));
            s.jumpHostKeys().forEach(k -> keys.add(s.server().name() + ", " + t.t("hostKeys.jump") + " " + key(k)));
        }
        if (keys.isEmpty()) {
            keys.add(t.t("hostKeys.none"));
        }
        out.add(new Block.Bullets(keys, false));
    }

    private void lay(Runbook r) {
        heading(1, t.t("title"));
        para(t.t("generated", when(r.generatedAt()), r.configHash()));
        para(t.t("howToUse"));
        contacts(r);
        heading(2, t.t("fromNothing"));
        List<String> steps = new ArrayList<>(List.of(t.t("fromNothing.install"), t.t("fromNothing.config", r.configHash()),
                t.t("fromNothing.secrets"), t.t("fromNothing.keys")));
        out.add(new Block.Bullets(steps, true));
        if (!r.secrets().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (ConfigFile.Secret s : r.secrets()) {
                rows.add(List.of("`" + s.key() + "`", secret(s)));
            }
            out.add(new Block.Table(List.of(t.t("secret.name"), t.t("secret.what")), rows));
        }
        heading(3, t.t("vaults"));
        List<List<String>> vaults = new ArrayList<>();
        for (Vault v : r.vaults()) {
            vaults.add(List.of(v.name(), "`" + v.path() + "`", v.server().map(s -> t.t("vault.onServer", s))
                    .orElse(t.t("vault.here"))));
        }
        out.add(new Block.Table(List.of(t.t("vault.name"), t.t("vault.path"), t.t("vault.where")), vaults));
        offsite(r);
        for (Runbook.ServerPart s : r.servers()) {
            server(s);
        }
    }

    private void contacts(Runbook r) {
        heading(2, t.t("contacts"));
        if (r.contacts().isEmpty()) {
            para(t.t("noContacts"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (RunbookStore.Contact c : r.contacts()) {
                rows.add(List.of(c.name(), c.role(), c.phone(), c.email()));
            }
            out.add(new Block.Table(List.of(t.t("contact.name"), t.t("contact.role"), t.t("contact.phone"),
                    t.t("contact.email")), rows));
        }
    }

    /**
     * The offsite vaults: where each is, which jobs are copied there, and how to get the points
     * back on a new workstation with nothing but the bucket, its keys and the passphrase.
     */
    private void offsite(Runbook r) {
        if (r.offsite().isEmpty()) {
            para(t.t("offsite.none"));
            return;
        }
        heading(3, t.t("offsite"));
        List<List<String>> rows = new ArrayList<>();
        for (Runbook.Offsite o : r.offsite()) {
            var v = o.vault();
            rows.add(List.of(v.name(), "`" + v.bucket() + (v.prefix().isEmpty() ? "" : "/" + v.prefix()) + "`",
                    v.endpoint().map(e -> "`" + e + "`").orElse("AWS S3") + " (" + v.region() + ")",
                    t.t(v.encrypted() ? "offsite.encrypted" : "offsite.plain"),
                    o.jobs().isEmpty() ? "-" : String.join(", ", o.jobs())));
        }
        out.add(new Block.Table(List.of(t.t("vault.name"), t.t("offsite.bucket"), t.t("offsite.endpoint"),
                t.t("offsite.encryption"), t.t("offsite.jobs")), rows));
        for (Runbook.Offsite o : r.offsite()) {
            var v = o.vault();
            para(t.t("offsite.recover", v.name()));
            String add = "mamori vault add " + v.name() + " --s3 " + v.bucket()
                    + (v.prefix().isEmpty() ? "" : "/" + v.prefix().replaceAll("/$", ""))
                    + v.endpoint().map(e -> " --endpoint " + e).orElse("") + " --region " + v.region()
                    + (v.pathStyle() ? " --path-style" : "") + " --access-key-id " + v.accessKeyId()
                    + " --secret-access-key-stdin" + (v.encrypted() ? " --encrypt" : "");
            out.add(new Block.Code(List.of(
                    new Runbook.Line(t.t(v.encrypted() ? "offsite.step.addEncrypted" : "offsite.step.add"), add),
                    new Runbook.Line(t.t("offsite.step.rebuild"), "mamori catalog rebuild --vault " + v.name()),
                    new Runbook.Line(t.t("offsite.step.restore"), "mamori restore --source SOURCE --from-vault "
                            + v.name() + " --to-database NEW_NAME"))));
        }
    }

    private void server(Runbook.ServerPart s) {
        var srv = s.server();
        heading(2, t.t("server", srv.name()));
        para(t.t("server.address", srv.user() + "@" + srv.host() + ":" + srv.port())
                + srv.jump().map(j -> " " + t.t("server.jump", j.toString())).orElse(""));
        heading(3, t.t("hostKeys"));
        List<String> keys = new ArrayList<>();
        s.hostKeys().forEach(k -> keys.add(key(k)));
        s.jumpHostKeys().forEach(k -> keys.add(t.t("hostKeys.jump") + " " + key(k)));
        if (keys.isEmpty()) {
            keys.add(t.t("hostKeys.none"));
        }
        out.add(new Block.Bullets(keys, false));
        heading(3, t.t("jobs"));
        if (s.jobs().isEmpty()) {
            para(t.t("jobs.none"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Runbook.JobPart j : s.jobs()) {
                rows.add(List.of(j.job().name(), String.join(", ", j.job().sources()), j.vault().name(),
                        j.schedule().map(x -> x + j.scheduleWords().map(w -> " (" + w + ")").orElse(""))
                                .orElse(t.t("schedule.none")), j.retention().toString(),
                        j.newestGood().map(p -> p.id() + ", " + when(p.time())).orElse(t.t("point.none")),
                        j.lastVerified().map(v -> t.t("verified", v.point(), v.method().id(), when(v.time())))
                                .orElse(t.t("verified.never")),
                        j.drillSchedule().orElse(t.t("drills.byHand"))));
            }
            out.add(new Block.Table(List.of(t.t("job.name"), t.t("job.sources"), t.t("job.vault"), t.t("job.schedule"),
                    t.t("job.retention"), t.t("job.newest"), t.t("job.verified"), t.t("job.drills")), rows));
            objectives(s.jobs());
        }
        heading(3, t.t("order"));
        para(s.orderSetByAdmin() ? t.t("order.admin") : t.t("order.default", srv.name()));
        out.add(new Block.Bullets(s.sources().stream().map(x -> x.source().name() + " (" + x.source().kind().id()
                + ")").toList(), true));
        for (Runbook.SourcePart p : s.sources()) {
            source(p);
        }
    }

    private void objectives(List<Runbook.JobPart> jobs) {
        List<List<String>> rows = new ArrayList<>();
        for (Runbook.JobPart j : jobs) {
            if (j.objectives().isEmpty()) {
                continue;
            }
            j.objectives().get().verdicts().forEach(v -> rows.add(List.of(j.job().name(), v.objective().label(),
                    Objectives.format(v.target()), verdict(v), v.since().map(this::when).orElse("-"), basis(v))));
        }
        heading(3, t.t("objectives"));
        if (rows.isEmpty()) {
            para(t.t("objectives.none"));
            return;
        }
        out.add(new Block.Table(List.of(t.t("job.name"), t.t("objective"), t.t("objective.target"),
                t.t("objective.state"), t.t("objective.since"), t.t("objective.basis")), rows));
    }

    /** What the verdict was measured on, in the runbook's language. */
    private String basis(Verdict v) {
        if (v.objective().isRpo()) {
            return v.measured().map(m -> t.t("basis.rpo", human(m))).orElse(t.t("basis.rpoNone"));
        }
        return v.measured().map(m -> t.t("basis.rto", seconds(m))).orElse(t.t("basis.rtoUnknown"));
    }

    private String verdict(Verdict v) {
        return switch (v.state()) {
            case MET -> t.t("state.met", human(v.margin().orElse(Duration.ZERO)));
            case BREACHED -> t.t("state.breached", human(v.margin().orElse(Duration.ZERO).negated()));
            case UNKNOWN -> t.t("state.unknown");
        };
    }

    private void source(Runbook.SourcePart p) {
        Source s = p.source();
        heading(3, t.t("source", s.name(), s.kind().id()));
        List<String> facts = new ArrayList<>();
        facts.add(t.t("source.what", what(s)));
        facts.add(p.job().map(j -> t.t("source.job", j)).orElse(t.t("source.noJob")));
        p.newest().ifPresent(n -> facts.add(t.t("source.newest", n.id(), when(n.time()))));
        p.artifact().ifPresent(a -> facts.add(t.t(p.artifactOnServer() ? "source.fileOnServer" : "source.file",
                "`" + a + "`")));
        facts.add(p.latestDrill().map(this::drill).orElse(t.t("drill.never")));
        out.add(new Block.Bullets(facts, false));
        heading(4, t.t("withMamori"));
        out.add(new Block.Code(p.restore()));
        heading(4, t.t("byHand"));
        if (p.manual().isEmpty()) {
            para(t.t("byHand.noBackup"));
        } else {
            out.add(new Block.Code(p.manual()));
        }
    }

    /** What a secret is, in the runbook's language: named by its place in the secret store. */
    private String secret(ConfigFile.Secret s) {
        String[] p = s.key().split("/");
        if (p.length == 3 && p[0].equals("source")) {
            return t.t("secret.sourcePassword", p[1]);
        }
        if (p.length == 3 && p[0].equals("notify")) {
            return t.t(p[2].equals("url") ? "secret.webhookUrl" : "secret.smtpPassword", p[1]);
        }
        return s.what();
    }

    private String drill(Verification v) {
        return t.t(v.failed() ? "drill.failed" : "drill.passed", when(v.time()),
                v.recovery().map(RunbookDocument::seconds).orElse("?"), v.point());
    }

    private String what(Source s) {
        if (s instanceof Source.Database d) {
            return t.t("what.database", d.database(), d.dbHost().orElse("localhost") + d.dbPort().map(x -> ":" + x)
                    .orElse("")) + d.container().map(c -> " " + t.t("what.container", c)).orElse("");
        }
        if (s instanceof Source.Sqlite q) {
            return t.t("what.sqlite", "`" + q.path() + "`");
        }
        if (s instanceof Source.Files f) {
            return t.t("what.files", String.join(", ", f.paths().stream().map(x -> "`" + x + "`").toList()))
                    + (f.excludes().isEmpty() ? "" : " " + t.t("what.excludes", String.join(", ", f.excludes())));
        }
        if (s instanceof Source.Bucket b) {
            return t.t("what.bucket", b.describe());
        }
        return t.t("what.volume", ((Source.DockerVolume) s).volume());
    }

    private String key(PinnedKeys.Key k) {
        return k.type() + " `" + k.fingerprint() + "`";
    }

    private String when(Instant i) {
        return WHEN.format(i.atZone(zone));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() < 120 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : human(d);
    }

    private static String human(Duration d) {
        long m = Math.max(d.toMinutes(), 0);
        return m < 1 ? d.toSeconds() + "s" : Objectives.format(Duration.ofMinutes(m));
    }

    private void heading(int level, String text) {
        out.add(new Block.Heading(level, text));
    }

    private void para(String text) {
        out.add(new Block.Para(text));
    }

}
