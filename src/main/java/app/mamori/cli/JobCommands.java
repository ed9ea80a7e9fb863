package app.mamori.cli;

import app.mamori.model.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code mamori job add|list}. */
@Command(name = "job", description = "Sources of one server backed up together", mixinStandardHelpOptions = true,
        subcommands = {JobCommands.Add.class, JobCommands.ListJobs.class})
final class JobCommands {

    @Command(name = "add", description = "Add a job: sources of one server, taken at one moment, into one vault.")
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--sources", required = true, split = ",", paramLabel = "S1[,S2...]")
        List<String> sources;
        @Option(names = "--vault", required = true)
        String vault;

        @Override
        int run() {
            Job job = new Job(name, sources, vault);
            String server = null;
            for (String s : sources) {
                String on = ctx().catalog().sources().get(s).server();
                if (server != null && !server.equals(on)) {
                    throw new IllegalArgumentException("--sources: " + s + " is on server " + on + ", the others on "
                            + server + "; a job backs up sources of one server");
                }
                server = on;
            }
            ctx().catalog().jobs().add(job);
            out().println("added job " + name + " (" + String.join(", ", sources) + " -> vault " + vault + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "List jobs.")
    static final class ListJobs extends Base {
        @Override
        int run() {
            for (Job j : ctx().catalog().jobs().list()) {
                out().println(j.name() + "\t" + String.join(",", j.sources()) + "\t" + j.vault());
            }
            return 0;
        }
    }
}
