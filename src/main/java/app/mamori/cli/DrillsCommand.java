package app.mamori.cli;

import app.mamori.catalog.Verification;
import app.mamori.catalog.VerificationStore;
import app.mamori.util.Bytes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/** {@code mamori drills [--job J] [--source S] [--json]}: the drill history, newest first. */
@Command(name = "drills", description = {"Restore drills done so far, newest first: when, which point and source,",
        "the size restored, the time it took and whether it passed. Drills of pruned points are gone with them."})
final class DrillsCommand extends Base {
    @Option(names = "--job", paramLabel = "J", description = "only drills of job J")
    String job;
    @Option(names = "--source", paramLabel = "S", description = "only drills of source S")
    String source;
    @Option(names = "--json", description = "print the drills as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        var jobs = ctx().services().jobs();
        if (job != null) {
            jobs.get(job);
        }
        List<VerificationStore.DrillRecord> drills = jobs.drills(job, source);
        if (json) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (VerificationStore.DrillRecord d : drills) {
                Verification v = d.drill();
                ObjectNode o = a.addObject();
                o.put("time", v.time().toString());
                o.put("job", v.job());
                o.put("point", v.point());
                o.put("source", v.source());
                o.put("bytes", d.bytes());
                if (v.recovery().isPresent()) {
                    o.put("recoveryMs", v.recovery().get().toMillis());
                } else {
                    o.putNull("recoveryMs");
                }
                o.put("result", v.result().id());
                o.put("detail", v.detail());
            }
            out().println(JsonOut.write(a));
            return 0;
        }
        if (drills.isEmpty()) {
            out().println("no drills yet: mamori verify POINT --drill, or mamori job set JOB --drill quarterly");
        }
        for (VerificationStore.DrillRecord d : drills) {
            Verification v = d.drill();
            out().println(v.time() + "\t" + v.point() + "\t" + v.source() + "\t" + Bytes.human(d.bytes()) + "\t"
                    + v.recovery().map(r -> String.format(Locale.ROOT, "%.1f s", r.toMillis() / 1000.0)).orElse("-")
                    + "\t" + (v.failed() ? "FAILED" : "passed"));
        }
        return 0;
    }
}
