package app.mamori.cli;

import app.mamori.engine.runbook.RunbookFormat;
import app.mamori.engine.runbook.RunbookText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** {@code mamori runbook [--server S | --recovery-sheet] [--format html|md] [--lang en|ja] [--out FILE]}. */
@Command(name = "runbook", description = {"Write the disaster-recovery runbook from the catalogue: per server what is",
        "backed up and where, the exact restore commands per source (with Mamori and by hand), objectives",
        "and latest drills, host key fingerprints, contacts, and the hash of the configuration it matches.",
        "With --recovery-sheet, only the one page that brings the backups back from the offsite copies.",
        "See docs/runbook.md and docs/offsite.md."})
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
    @Option(names = "--recovery-sheet", description = "the offsite recovery sheet: buckets, the commands to recover"
            + " from them on a new computer, contacts and host key fingerprints; no secret")
    boolean sheet;

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
        if (sheet && server != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--recovery-sheet covers every server; leave out --server");
        }
        if (sheet) {
            if (out == null) {
                out().print(runbook.writeRecoverySheet(f, text, ZoneId.systemDefault()));
                out().flush();
            } else {
                runbook.exportRecoverySheet(out, f, text, ZoneId.systemDefault());
                err().println("wrote " + out);
            }
            return 0;
        }
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
