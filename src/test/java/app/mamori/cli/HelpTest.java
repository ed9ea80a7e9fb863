package app.mamori.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/cli.md promises that every command accepts --help. */
class HelpTest {

    @Test
    void everyCommandPrintsItsUsageForHelpAndExitsZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new MamoriCommand()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = MamoriCommand.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
                    args.toArray(String[]::new));
            assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).contains("Usage: mamori");
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        into.add(List.copyOf(prefix));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            collect(sub, p, into);
        });
    }
}
