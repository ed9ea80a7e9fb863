package app.mamori.source.discover;

import app.mamori.model.Note;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Discovery's remote side as the engine uses it: the one script to run ({@link ProbeScript}),
 * the stdin that carries its passwords, and turning each step's output into findings
 * ({@link StepParser}) and all of them into one {@link Discovery}.
 */
public final class Probe {
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

    private Probe() {
    }

    public static String script(DiscoverOptions o) {
        return ProbeScript.build(o);
    }

    /** The two stdin lines the script reads first: the PostgreSQL and the MariaDB password, empty when none. */
    public static byte[] stdin(DiscoverOptions o) {
        return (o.postgres().password().orElse("") + "\n" + o.mysql().password().orElse("") + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The steps the script runs, in the order their findings are listed. */
    public static List<DiscoveryStep> remoteSteps() {
        return List.of(DiscoveryStep.TOOLS, DiscoveryStep.POSTGRES, DiscoveryStep.MYSQL, DiscoveryStep.CONTAINERS,
                DiscoveryStep.VOLUMES, DiscoveryStep.FOLDERS, DiscoveryStep.SQLITE);
    }

    /** What one step found, from the bytes of its {@code ###done} frame. */
    public static StepReport step(String server, DiscoveryStep step, byte[] output, DiscoverOptions o) {
        return StepParser.parse(server, step, output, o);
    }

    /**
     * One discovery from the steps' reports, in step order whatever order they ended in; a
     * step with no report (the script was cut short) becomes a note.
     */
    public static Discovery assemble(String server, Map<DiscoveryStep, StepReport> reports) {
        List<String> tools = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (DiscoveryStep s : remoteSteps()) {
            StepReport r = reports.get(s);
            if (r == null) {
                notes.add(Note.of("notLookedAt", s.label() + ": not looked at (the discovery script on the server"
                        + " stopped before this step ended; run discovery again)", s.label()));
                continue;
            }
            tools.addAll(r.tools());
            findings.addAll(r.findings());
            notes.addAll(r.notes());
        }
        return new Discovery(server, tools, findings, notes);
    }

    /** The whole output of the script at once (what tests and a finished run have). */
    public static Discovery parse(String server, byte[] output, DiscoverOptions o) {
        Map<DiscoveryStep, StepReport> reports = new EnumMap<>(DiscoveryStep.class);
        try (ProbeStream in = new ProbeStream(new ProbeStream.Frames() {
            @Override
            public void started(DiscoveryStep step) {
            }

            @Override
            public void finished(DiscoveryStep step, byte[] bytes) {
                reports.put(step, step(server, step, bytes, o));
            }
        })) {
            in.write(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assemble(server, reports);
    }

    /** A source name from what was found: plain characters only (model.Names), at most 64. */
    static String name(String from) {
        String n = NOT_NAME.matcher(from.replaceFirst("^/+", "")).replaceAll("-").replaceAll("^[-._]+", "");
        if (n.isEmpty()) {
            n = "source";
        }
        return n.length() > 64 ? n.substring(0, 64) : n;
    }
}
