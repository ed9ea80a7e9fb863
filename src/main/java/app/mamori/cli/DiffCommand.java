package app.mamori.cli;

import app.mamori.service.PointDiff;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code mamori diff POINT_A POINT_B [--source S] [--json]}. */
@Command(name = "diff", description = {"Compare one source between two restore points, from the catalogue: a database's",
        "tables with the row counts each backup recorded, or a file tree's paths added,",
        "removed and changed from POINT_A to POINT_B."})
final class DiffCommand extends Base {
    @Parameters(index = "0", paramLabel = "POINT_A", description = "as points shows it: job/20261124T153012Z")
    String a;
    @Parameters(index = "1", paramLabel = "POINT_B")
    String b;
    @Option(names = "--source", paramLabel = "SOURCE", description = "which source; needed when the points hold more"
            + " than one")
    String source;
    @Option(names = "--json", description = "print the comparison as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        PointDiff diff = ctx().services().history().diff(a, b, Optional.ofNullable(source));
        if (json) {
            out().println(JsonOut.write(json(diff)));
        } else if (diff instanceof PointDiff.Tables t) {
            out().println("table\t" + a + "\t" + b);
            for (PointDiff.Table row : t.tables()) {
                out().println(row.name() + "\t" + text(row.rowsA()) + "\t" + text(row.rowsB())
                        + (row.rowsA().equals(row.rowsB()) ? "" : "\t*"));
            }
        } else if (diff instanceof PointDiff.Files f) {
            f.added().forEach(p -> out().println("added\t" + p));
            f.removed().forEach(p -> out().println("removed\t" + p));
            f.changed().forEach(p -> out().println("changed\t" + p));
            out().println(f.added().size() + " added, " + f.removed().size() + " removed, " + f.changed().size()
                    + " changed");
        }
        return 0;
    }

    private static String text(OptionalLong rows) {
        return rows.isPresent() ? Long.toString(rows.getAsLong()) : "-";
    }

    static ObjectNode json(PointDiff diff) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        if (diff instanceof PointDiff.Tables t) {
            ArrayNode tables = o.putArray("tables");
            for (PointDiff.Table row : t.tables()) {
                ObjectNode j = tables.addObject();
                j.put("name", row.name());
                put(j, "rowsA", row.rowsA());
                put(j, "rowsB", row.rowsB());
            }
        } else if (diff instanceof PointDiff.Files files) {
            paths(o.putArray("added"), files.added());
            paths(o.putArray("removed"), files.removed());
            paths(o.putArray("changed"), files.changed());
        }
        return o;
    }

    private static void put(ObjectNode o, String field, OptionalLong value) {
        if (value.isPresent()) {
            o.put(field, value.getAsLong());
        } else {
            o.putNull(field);
        }
    }

    private static void paths(ArrayNode into, List<String> paths) {
        paths.forEach(into::add);
    }
}
