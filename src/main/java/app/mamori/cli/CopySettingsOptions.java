package app.mamori.cli;

import app.mamori.model.CopySettings;
import app.mamori.model.RetentionPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;

/** {@code job set}'s offsite copy options. */
final class CopySettingsOptions {
    @Option(names = "--copy-to", paramLabel = "VAULT", description = "after each successful backup, copy the new point"
            + " to this object vault (vault add NAME --s3 ...)")
    String copyTo;
    @Option(names = "--no-copy", description = "stop copying this job's points offsite (the copies made stay)")
    boolean noCopy;
    @Option(names = "--copy-keep-last", paramLabel = "N", description = "offsite: keep the N newest copies")
    Integer last;
    @Option(names = "--copy-keep-hourly", paramLabel = "N", hidden = true)
    Integer hourly;
    @Option(names = "--copy-keep-daily", paramLabel = "N", description = "offsite: ... of the N newest days")
    Integer daily;
    @Option(names = "--copy-keep-weekly", paramLabel = "N", description = "offsite: ... of the N newest weeks")
    Integer weekly;
    @Option(names = "--copy-keep-monthly", paramLabel = "N", description = "offsite: ... of the N newest months")
    Integer monthly;
    @Option(names = "--copy-keep-yearly", paramLabel = "N", description = "offsite: ... of the N newest years")
    Integer yearly;

    boolean given() {
        return copyTo != null || noCopy || touchesKeep();
    }

    private boolean touchesKeep() {
        return last != null || hourly != null || daily != null || weekly != null || monthly != null || yearly != null;
    }

    /** Stores what was given, after checking it all; prints what the job now does. */
    void apply(CommandLine cl, CliContext ctx, String job, PrintWriter out) {
        var offsite = ctx.services().offsite();
        if (noCopy) {
            if (copyTo != null || touchesKeep()) {
                throw new CommandLine.ParameterException(cl, "--no-copy: give it alone, without --copy-to or"
                        + " --copy-keep-*");
            }
            offsite.removeCopy(job);
            out.println("job " + job + " no longer copies its points offsite");
            return;
        }
        Optional<CopySettings> now = offsite.copyOf(job);
        String vault = copyTo != null ? copyTo : now.map(CopySettings::vault).orElseThrow(() ->
                new CommandLine.ParameterException(cl, "--copy-keep-*: job " + job + " has no offsite copy yet; give"
                        + " --copy-to VAULT too"));
        if (offsite.findVault(vault).isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--copy-to: '" + vault + "' is not an object vault; add one"
                    + " with: mamori vault add " + vault + " --s3 BUCKET ... (mamori vault list shows them)");
        }
        RetentionPolicy keep;
        try {
            RetentionPolicy p = now.map(CopySettings::keep).orElse(RetentionPolicy.KEEP_ALL);
            keep = new RetentionPolicy(or(last, p.last()), or(hourly, p.hourly()), or(daily, p.daily()),
                    or(weekly, p.weekly()), or(monthly, p.monthly()), or(yearly, p.yearly()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage().replace("--keep-", "--copy-keep-"), e);
        }
        offsite.setCopy(job, vault, keep);
        out.println("job " + job + " copies each new point to vault " + vault + " (offsite: " + keep + ")");
    }

    private static int or(Integer given, int current) {
        return given == null ? current : given;
    }
}
