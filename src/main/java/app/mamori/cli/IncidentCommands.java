package app.mamori.cli;

import app.mamori.catalog.Incident;
import app.mamori.catalog.IncidentKind;
import app.mamori.service.IncidentService;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code mamori incident open|list|close}. */
@Command(name = "incident", description = {"Incidents: while one is open, every point of its sources that existed when",
        "it was opened is held, so no prune removes what the restore may need."},
        subcommands = {IncidentCommands.Open.class, IncidentCommands.ListIncidents.class, IncidentCommands.Close.class})
final class IncidentCommands {

    @Command(name = "open", description = "Open an incident and hold every point of its sources.")
    static final class Open extends Base {
        @Option(names = "--sources", required = true, split = ",", paramLabel = "SOURCE[,SOURCE...]",
                description = "the sources it affects")
        List<String> sources;
        @Option(names = "--what", paramLabel = "KIND", defaultValue = "database-changed",
                description = "database-changed (default), files-changed, server-lost or old-copy")
        String what;
        @Option(names = "--went-wrong", paramLabel = "TIME",
                description = "when things went wrong: 2026-11-24 14:00 (local time) or 2026-11-24T13:00:00Z")
        String wentWrong;
        @Option(names = "--title", paramLabel = "TEXT", description = "a short title; default: KIND on SOURCES")
        String title;
        @Option(names = "--json", description = "print the incident as JSON (see docs/cli.md)")
        boolean json;

        @Override
        int run() throws Exception {
            Optional<java.time.Instant> at = Optional.ofNullable(wentWrong).map(t -> wentWrong(t));
            Incident i = ctx().services().incidents().open(new Incident.Opening(IncidentKind.parse(what), sources, at,
                    title));
            if (json) {
                out().println(JsonOut.write(IncidentCommands.json(i)));
            } else {
                out().println("opened incident " + i.id() + " (" + i.title() + "): " + i.held() + " point(s) held"
                        + " until `mamori incident close " + i.id() + "`");
            }
            return 0;
        }

        private static java.time.Instant wentWrong(String text) {
            try {
                return app.mamori.engine.restore.PointChoice.at(text, ZoneId.systemDefault()).time();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("--at:", "--went-wrong:"), e);
            }
        }
    }

    @Command(name = "list", description = "List open incidents (all of them with --all), newest first.")
    static final class ListIncidents extends Base {
        @Option(names = "--all", description = "closed ones too")
        boolean all;
        @Option(names = "--json", description = "print the incidents as JSON (see docs/cli.md)")
        boolean json;

        @Override
        int run() throws Exception {
            List<Incident> incidents = ctx().services().incidents().list(all);
            if (json) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                incidents.forEach(i -> a.add(IncidentCommands.json(i)));
                out().println(JsonOut.write(a));
                return 0;
            }
            for (Incident i : incidents) {
                out().println(i.id() + "\t" + i.opened() + "\t" + i.closed().map(c -> "closed " + c).orElse("open")
                        + "\t" + i.what().id() + "\t" + String.join(",", i.sources()) + "\t" + i.held() + " held\t"
                        + i.title());
            }
            return 0;
        }
    }

    @Command(name = "close", description = {"Close an incident and release the holds it made (a point held by hand",
            "or by another open incident stays held)."})
    static final class Close extends Base {
        @Parameters(paramLabel = "ID", description = "as incident list shows it")
        long id;

        @Override
        int run() {
            IncidentService incidents = ctx().services().incidents();
            int held = incidents.find(id).map(Incident::held).orElse(0);
            Incident i = incidents.close(id);
            out().println("closed incident " + i.id() + " (" + i.title() + "): released its holds on " + held
                    + " point(s)");
            return 0;
        }
    }

    static ObjectNode json(Incident i) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", i.id());
        o.put("opened", i.opened().toString());
        o.put("closed", i.closed().map(Object::toString).orElse(null));
        o.put("what", i.what().id());
        ArrayNode sources = o.putArray("sources");
        i.sources().forEach(sources::add);
        o.put("wentWrong", i.wentWrong().map(Object::toString).orElse(null));
        o.put("title", i.title());
        o.put("held", i.held());
        return o;
    }
}
