package app.mamori.cli;

import app.mamori.model.Job;
import app.mamori.service.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code mamori job add|set|list|remove}. */
@Command(name = "job", description = "Sources of one server backed up together", mixinStandardHelpOptions = true,
        subcommands = {JobCommands.Add.class, JobCommands.Set.class, JobCommands.ListJobs.class,
                JobCommands.Remove.class, JobCommands.Pause.class, JobCommands.Resume.class})
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

    @Command(name = "set", description = {"Change a job's vault, schedule, retention policy, recovery objectives and"
            + " offsite copy; what is not given stays.",
            "Example: mamori job set shop --schedule 'daily 02:30' --keep-daily 14 --keep-monthly 12",
            "         mamori job set shop --rpo 24h --rto 4h --drill quarterly   (see docs/runbook.md)",
            "         mamori job set shop --copy-to offsite --copy-keep-monthly 12   (see docs/offsite.md)"})
    static final class Set extends Base {
        @Parameters(paramLabel = "JOB")
        String name;
        @Option(names = "--vault", paramLabel = "NAME", description = "Keep the job's new points in this vault from"
                + " now on; the points it has stay where they are, listed, restorable and pruned by the same policy")
        String vault;
        @Mixin
        JobSettings settings;
        @Mixin
        CopySettingsOptions copy;

        @Override
        int run() {
            Job job = ctx().services().jobs().get(name);
            if (vault == null && settings.schedule == null && !settings.touchesRetention()
                    && !settings.touchesObjectives() && !copy.given()) {
                throw new IllegalArgumentException("job set: give --vault, --schedule, a --keep-* option, --rpo,"
                        + " --rto, --drill, --stall-timeout or --copy-to");
            }
            settings.validate(spec.commandLine());
            if (vault != null && !vault.equals(job.vault())) {
                if (ctx().services().vaults().find(vault).isEmpty()) {
                    throw new IllegalArgumentException("--vault: no vault is named '" + vault + "'; see mamori vault"
                            + " list, or add one with mamori vault add");
                }
                ctx().services().jobs().update(new Job(job.name(), job.sources(), vault));
                out().println("job " + name + ": new points go to vault " + vault + " (those in " + job.vault()
                        + " stay there)");
            }
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
            for (JobService.Listed l : ctx().services().jobs().listing()) {
                Job j = l.job();
                out().println(j.name() + "\t" + String.join(",", j.sources()) + "\t" + j.vault() + "\t"
                        + l.schedule().orElse("-") + "\t" + l.retention()
                        // only where set: scripts reading the first five columns see what they always did
                        + (l.objectives().isEmpty() ? "" : "\tobjectives " + JobSettings.describe(l.objectives()))
                        + l.drillSchedule().map(d -> "\tdrill " + d).orElse("")
                        + l.stallTimeout().map(d -> "\tstall-timeout " + app.mamori.model.Objectives.format(d)).orElse("")
                        + l.pause().map(p -> "\t" + StatusCommand.paused(p, ZoneId.systemDefault())).orElse(""));
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

    @Command(name = "pause", description = {"Pause a job: run-due and the app's scheduler leave it alone, and it is",
            "not reported overdue, until `mamori job resume`. `mamori backup JOB` and Back up now still run it.",
            "Example: mamori job pause shop --reason 'moving db1 to new hardware'"})
    static final class Pause extends Base {
        @Parameters(paramLabel = "JOB", description = "the job to pause (see: mamori job list)")
        String name;
        @Option(names = "--reason", paramLabel = "TEXT", description = "why, as job list, status and the app show it")
        String reason;

        @Override
        int run() {
            var p = ctx().services().jobs().pause(name, Optional.ofNullable(reason));
            out().println("job " + name + ": " + StatusCommand.paused(p, ZoneId.systemDefault())
                    + "; `mamori job resume " + name + "` resumes it");
            return 0;
        }
    }

    @Command(name = "resume", description = {"Resume a paused job: it runs on its schedule again. A slot that passed",
            "while it was paused is caught up by one run at the next run-due."})
    static final class Resume extends Base {
        @Parameters(paramLabel = "JOB", description = "the paused job")
        String name;

        @Override
        int run() {
            ctx().services().jobs().get(name);
            var was = ctx().services().jobs().resume(name, ZoneId.systemDefault());
            out().println(was.isPresent() ? "job " + name + " resumed; it runs on its schedule again"
                    : "job " + name + " was not paused; nothing changed");
            return 0;
        }
    }
}
