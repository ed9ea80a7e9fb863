package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.catalog.RecordedPoint;
import app.mamori.engine.PruneJobPlan;
import app.mamori.engine.PruneResult;
import app.mamori.engine.Pruner;
import app.mamori.retention.Candidate;
import app.mamori.retention.PrunePlan;
import app.mamori.retention.Reason;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code mamori prune JOB [--dry-run] [--json]}. */
@Command(name = "prune", description = {"Apply a job's retention policy: show which points go and which rule keeps",
        "each kept point, then (without --dry-run) delete the others from the vault and the catalogue.",
        "Rules and examples: docs/retention.md."})
final class PruneCommand extends Base {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

    @Parameters(paramLabel = "JOB")
    String job;
    @Option(names = "--dry-run", description = "show the plan, delete nothing")
    boolean dryRun;
    @Option(names = "--json", description = "print the plan (and result) as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        Pruner pruner = new Pruner(ctx().catalog(), ctx().ssh(), Clock.systemUTC(), ZoneId.systemDefault());
        PruneJobPlan plan = pruner.plan(job);
        PruneResult result = dryRun ? null : pruner.execute(plan);
        if (json) {
            out().println(JsonOut.write(json(plan, result)));
        } else {
            print(plan, result);
        }
        if (result != null && !result.ok()) {
            err().println("mamori: prune of job " + job + " could not remove " + result.failures().size()
                    + " point(s): " + result.failures().get(0));
            return 1;
        }
        return 0;
    }

    private void print(PruneJobPlan plan, PruneResult result) {
        PrunePlan p = plan.plan();
        p.hold().ifPresent(h -> out().println(h));
        for (PrunePlan.Kept k : p.keep()) {
            out().println("keep    " + k.point().id() + "\t" + local(plan, k.point()) + "\t"
                    + String.join(", ", k.reasons().stream().map(Reason::toString).toList()));
        }
        for (Candidate c : p.remove()) {
            out().println((result == null ? "remove  " : result.removed().contains(c.id()) ? "removed "
                    : result.spared().contains(c.id()) ? "held    " : "FAILED  ") + c.id() + "\t" + local(plan, c)
                    + (result != null && result.spared().contains(c.id()) ? "\theld since the plan was made: kept" : ""));
        }
        if (result == null) {
            out().println(p.keep().size() + " kept, " + p.remove().size() + " to remove (dry run: nothing deleted)");
        } else {
            out().println(p.keep().size() + " kept, " + result.removed().size() + " removed, "
                    + Bytes.human(result.bytesFreed()) + " freed");
        }
    }

    private static String local(PruneJobPlan plan, Candidate c) {
        return LOCAL.format(c.time().atZone(plan.zone()));
    }

    static ObjectNode json(PruneJobPlan plan, PruneResult result) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("job", plan.job());
        o.put("policy", plan.policy().toString());
        o.put("timeZone", plan.zone().getId());
        o.put("dryRun", result == null);
        if (plan.plan().hold().isPresent()) {
            o.put("hold", plan.plan().hold().get());
        } else {
            o.putNull("hold");
        }
        ArrayNode keep = o.putArray("keep");
        for (PrunePlan.Kept k : plan.plan().keep()) {
            ObjectNode j = keep.addObject();
            j.put("id", k.point().id());
            j.put("time", k.point().time().toString());
            ArrayNode reasons = j.putArray("reasons");
            k.reasons().forEach(r -> reasons.add(r.toString()));
        }
        ArrayNode remove = o.putArray("remove");
        for (RecordedPoint r : plan.removals()) {
            ObjectNode j = remove.addObject();
            j.put("id", r.id());
            j.put("time", r.point().time().toString());
            j.put("vault", r.point().vault());
            j.put("location", r.point().location());
        }
        if (result != null) {
            ArrayNode removed = o.putArray("removed");
            result.removed().forEach(removed::add);
            o.put("bytesFreed", result.bytesFreed());
            ArrayNode spared = o.putArray("spared");
            result.spared().forEach(spared::add);
            ArrayNode failures = o.putArray("failures");
            result.failures().forEach(failures::add);
        }
        return o;
    }
}
