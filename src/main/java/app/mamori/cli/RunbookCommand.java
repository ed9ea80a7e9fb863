package app.mamori.cli;

import app.mamori.engine.runbook.RunbookFormat;
import app.mamori.engine.runbook.RunbookText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** {@code mamori runbook [--server S] [--format html|md] [--lang en|ja] [--out FILE]}. */
@Command(name = "runbook", description = {"Write the disaster-recovery runbook from the catalogue: per server what is",
        "backed up and where, the exact restore commands per source (with Mamori and by hand), objectives",
        "and latest drills, host key fingerprints, contacts, and the hash of the configuration it matches.",
        "See docs/runbook.md."})
final class RunbookCommand extends Base {
    @Option(names = "--server", paramLabel = "S", description = "only this server")
    String server;
    @Option(names = "--format", paramLabel = "FORMAT", description = "md or html (default: html when --out ends in"
            + " .html, else md)")
    String format;
    @Option(names = "--lang", paramLabel = "LANG", description = "en or ja (default: this computer's language)")
    String lang;
    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Override
    int run() throws Exception {
        RunbookFormat f;
        RunbookText text;
        try {
            f = format != null ? RunbookFormat.parse(format)
                    : out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".html") ? RunbookFormat.HTML
                    : RunbookFormat.MD;
            text = RunbookText.of(lang != null ? lang : Locale.getDefault().getLanguage().equals("ja") ? "ja" : "en");
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        var runbook = ctx().services().runbook();
        if (out == null) {
            out().print(runbook.write(Optional.ofNullable(server), f, text, ZoneId.systemDefault()));
            out().flush();
        } else {
            runbook.export(out, Optional.ofNullable(server), f, text, ZoneId.systemDefault());
            err().println("wrote " + out);
        }
        return 0;
    }
}
