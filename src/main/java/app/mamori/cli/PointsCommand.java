package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code mamori points [JOB] [--json]}. */
@Command(name = "points", description = "List restore points, newest first.")
final class PointsCommand extends Base {
    @Parameters(paramLabel = "JOB", arity = "0..1", description = "only this job's points")
    String job;
    @Option(names = "--json", description = "print the points as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        if (job != null) {
            ctx().catalog().jobs().get(job);
        }
        List<RecordedPoint> recorded = ctx().catalog().points().list(job);
        if (json) {
            out().println(JsonOut.write(JsonOut.points(recorded, ctx())));
            return 0;
        }
        for (RecordedPoint r : recorded) {
            RestorePoint p = r.point();
            long size = p.artifacts().stream().mapToLong(Artifact::size).sum();
            out().println(p.id() + "\t" + p.time() + "\t" + p.status().id() + "\t" + p.artifacts().size()
                    + " artifact(s)\t" + Bytes.human(size)
                    + (r.kind() == PointKind.PRE_RESTORE ? "\tpre-restore" : ""));
        }
        return 0;
    }
}
