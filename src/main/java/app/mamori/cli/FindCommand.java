package app.mamori.cli;

import app.mamori.service.FileHistory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;

/** {@code mamori find PATTERN [--source S] [--json]}. */
@Command(name = "find", description = {"Find a file's versions across restore points, from the catalogue's file lists:",
        "the points where it was added, changed or deleted, oldest first.",
        "PATTERN is a glob (* and ? within a name, ** across folders) matched against the",
        "file's name; against the whole path when it starts with /; against the end of the",
        "path when it has / elsewhere (uploads/*.jpg)."})
final class FindCommand extends Base {
    @Parameters(paramLabel = "PATTERN")
    String pattern;
    @Option(names = "--source", paramLabel = "SOURCE", description = "only this file-tree source")
    String source;
    @Option(names = "--json", description = "print the versions as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        List<FileHistory> found = ctx().services().history().find(pattern, Optional.ofNullable(source));
        if (json) {
            out().println(JsonOut.write(json(found)));
            return 0;
        }
        if (found.isEmpty()) {
            out().println("no file matches " + pattern + (source == null ? "" : " in source " + source));
        }
        for (FileHistory f : found) {
            out().println(f.source() + "\t" + f.path());
            for (FileHistory.Version v : f.versions()) {
                out().println("  " + v.change().id() + "\t" + v.point() + "\t" + v.time()
                        + (v.size().isPresent() ? "\t" + v.size().getAsLong() + " bytes" : "")
                        + v.sha256().map(h -> "\tsha256 " + h.substring(0, Math.min(12, h.length()))).orElse(""));
            }
        }
        return 0;
    }

    static ArrayNode json(List<FileHistory> found) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (FileHistory f : found) {
            ObjectNode o = a.addObject();
            o.put("source", f.source());
            o.put("path", f.path());
            ArrayNode versions = o.putArray("versions");
            for (FileHistory.Version v : f.versions()) {
                ObjectNode j = versions.addObject();
                j.put("point", v.point());
                j.put("time", v.time().toString());
                if (v.size().isPresent()) {
                    j.put("size", v.size().getAsLong());
                } else {
                    j.putNull("size");
                }
                j.put("sha256", v.sha256().orElse(null));
                j.put("change", v.change().id());
            }
        }
        return a;
    }
}
