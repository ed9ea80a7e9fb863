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
        collect(MamoriCommand.commandLine(new MamoriCommand()), new ArrayList<>(), paths);
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

    @Test
    void theCommandListGivesEachCommandsFirstSentenceWholeAndNoLineIsWiderThan80() {
        StringWriter out = new StringWriter();
        MamoriCommand.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()),
                "--help");

        String help = out.toString();
        assertThat(help).contains("  restore     Restore a source from a restore point: the plan is shown first,\n"
                + "                then confirmed (or --yes).\n");
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(MamoriCommand.firstSentence("One. Two.")).isEqualTo("One.");
        assertThat(MamoriCommand.firstSentence("No full stop")).isEqualTo("No full stop");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        into.add(List.copyOf(prefix));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            collect(sub, p, into);
        });
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAndEveryOneForHelpOrAMistake() {
        assertThat(MamoriCommand.commandsFor("--home", "/srv/m", "status", "--json")).containsExactly(StatusCommand.class);
        assertThat(MamoriCommand.commandsFor("job", "list")).containsExactly(JobCommands.class);
        assertThat(MamoriCommand.commandsFor("--home", "status")).as("status is --home's value here")
                .isEqualTo(MamoriCommand.COMMANDS);
        assertThat(MamoriCommand.commandsFor("--help")).isEqualTo(MamoriCommand.COMMANDS);
        assertThat(MamoriCommand.commandsFor("stauts")).isEqualTo(MamoriCommand.COMMANDS);
        assertThat(MamoriCommand.commandsFor("--home", "/srv/m", "--version")).isEmpty();
        assertThat(MamoriCommand.commandsFor("status", "--version")).containsExactly(StatusCommand.class);
    }

    @Test
    void theDataFolderOptionStillWorksAfterTheCommandAndAMistypedCommandIsStillSuggested(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
                "job", "list", "--home", home.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(home.resolve("catalog.db")).exists();

        StringWriter err2 = new StringWriter();
        int wrong = MamoriCommand.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err2), "--home", home.toString(), "stauts");
        assertThat(wrong).isEqualTo(2);
        assertThat(err2.toString()).contains("status");
    }
}
