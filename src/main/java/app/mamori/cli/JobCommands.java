package app.mamori.cli;

import app.mamori.model.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code mamori job add|set|list|remove}. */
@Command(name = "job", description = "Sources of one server backed up together", mixinStandardHelpOptions = true,
        subcommands = {JobCommands.Add.class, JobCommands.Set.class, JobCommands.ListJobs.class,
                JobCommands.Remove.class})
final class JobCommands {

    @Command(name = "add", description = "Add a job: sources of one server, taken at one moment, into one vault.")
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--sources", required = true, split = ",", paramLabel = "S1[,S2...]")
        List<String> sources;
        @Option(names = "--vault", required = true)
        String vault;
        @Mixin
        JobSettings settings;

        @Override
        int run() {
            Job job = new Job(name, sources, vault);
            settings.validate(spec.commandLine());
            String server = null;
            for (String s : sources) {
                String on = ctx().services().sources().get(s).server();
                if (server != null && !server.equals(on)) {
                    throw new IllegalArgumentException("--sources: " + s + " is on server " + on + ", the others on "
                            + server + "; a job backs up sources of one server");
                }
                server = on;
            }
            ctx().services().jobs().add(job, java.util.Optional.empty(), java.util.Optional.empty());
            out().println("added job " + name + " (" + String.join(", ", sources) + " -> vault " + vault + ")");
            settings.apply(ctx(), name, out());
            return 0;
        }
    }

    @Command(name = "set", description = {"Change a job's schedule, retention policy, recovery objectives and offsite"
            + " copy; what is not given stays.",
            "Example: mamori job set shop --schedule 'daily 02:30' --keep-daily 14 --keep-monthly 12",
            "         mamori job set shop --rpo 24h --rto 4h --drill quarterly   (see docs/runbook.md)",
            "         mamori job set shop --copy-to offsite --copy-keep-monthly 12   (see docs/offsite.md)"})
    static final class Set extends Base {
        @Parameters(paramLabel = "JOB")
        String name;
        @Mixin
        JobSettings settings;
        @Mixin
        CopySettingsOptions copy;

        @Override
        int run() {
            ctx().services().jobs().get(name);
            if (settings.schedule == null && !settings.touchesRetention() && !settings.touchesObjectives()
                    && !copy.given()) {
                throw new IllegalArgumentException("job set: give --schedule, a --keep-* option, --rpo, --rto,"
                        + " --drill or --copy-to");
            }
            settings.validate(spec.commandLine());
            if (copy.given()) {
                copy.apply(spec.commandLine(), ctx(), name, out());
            }
            if (settings.schedule != null || settings.touchesRetention() || settings.touchesObjectives()) {
                settings.apply(ctx(), name, out());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List jobs.")
    static final class ListJobs extends Base {
        @Override
        int run() {
            var jobs = ctx().services().jobs();
            for (Job j : jobs.list()) {
                out().println(j.name() + "\t" + String.join(",", j.sources()) + "\t" + j.vault() + "\t"
                        + jobs.schedule(j.name()).orElse("-") + "\t" + jobs.retention(j.name())
                        // only where set: scripts reading the first five columns see what they always did
                        + (jobs.objectives(j.name()).isEmpty() ? "" : "\tobjectives "
                        + JobSettings.describe(jobs.objectives(j.name())))
                        + jobs.drillSchedule(j.name()).map(d -> "\tdrill " + d).orElse(""));
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a job with its schedule and policy; its runs, restore points and"
            + " backups stay.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "JOB")
        String name;

        @Override
        int run() {
            ctx().services().jobs().remove(name);
            out().println("removed job " + name + " (its restore points stay in the vault and the history)");
            return 0;
        }
    }
}
