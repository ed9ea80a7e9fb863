package app.mamori.vault;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is writing a point in the making: the marker file Mamori puts in every temp point folder
 * it creates ({@code SERVER/JOB/.tmp-POINT.PID/.mamori-writer}), naming the workstation, the
 * process and when that process started. The start-up sweep removes only folders that carry it,
 * and only when the writer is provably gone: a process of this workstation that has ended (or
 * whose pid now belongs to a later process), or, for a vault shared by several workstations
 * (a NAS), a point another workstation began longer ago than {@link #OTHER_HOST_STALE}, since
 * this machine cannot see that workstation's processes.
 *
 * @param started when the writing process started, if the platform says
 */
public record TempPointOwner(String host, long pid, Optional<Instant> started) {
    public static final String FILE_NAME = ".mamori-writer";
    /** How long a temp point of another workstation is left alone: longer than any backup runs. */
    public static final Duration OTHER_HOST_STALE = Duration.ofDays(3);
    /** {@code .tmp-20261124T023000Z.1234} or {@code .tmp-20261124T023000Z-2.1234}: what Mamori names them. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\.tmp-\\d{8}T\\d{6}Z(-\\d+)?\\.\\d+");
    private static final String HEADER = "mamori temp point";
    private static final String THIS_HOST = hostName();

    /** The verdict on one temp folder. {@code why} is for the log. */
    public record Verdict(boolean remove, String why) {
    }

    public static TempPointOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new TempPointOwner(THIS_HOST, self.pid(), self.info().startInstant());
    }

    /**
     * The folder name of point {@code id} while this process writes it or takes it out of a vault,
     * the name {@link #isTempName} and the sweeps recognise.
     */
    public static String tempName(String id) {
        return ".tmp-" + id + "." + ProcessHandle.current().pid();
    }

    public static boolean isTempName(String folderName) {
        return TEMP_NAME.matcher(folderName).matches();
    }

    /** The marker's content: one {@code key=value} a line after a fixed first line. */
    public String format() {
        return HEADER + "\nhost=" + host.replace('\n', ' ') + "\npid=" + pid + "\n"
                + started.map(t -> "started=" + t + "\n").orElse("");
    }

    /** The owner a marker names, or empty when the text is not a marker Mamori wrote. */
    public static Optional<TempPointOwner> parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[0].strip().equals(HEADER)) {
            return Optional.empty();
        }
        String host = null;
        Long pid = null;
        Instant started = null;
        try {
            for (String line : lines) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1).strip();
                switch (key) {
                    case "host" -> host = value;
                    case "pid" -> pid = Long.parseLong(value);
                    case "started" -> started = Instant.parse(value);
                    default -> { }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return host == null || host.isEmpty() || pid == null ? Optional.empty()
                : Optional.of(new TempPointOwner(host, pid, Optional.ofNullable(started)));
    }

    /** Whether the sweep may remove the folder {@code folder} this marker sits in, judged at {@code now}. */
    public Verdict judge(String folder, Instant now) {
        if (!host.equals(THIS_HOST)) {
            boolean stale = started.map(t -> t.plus(OTHER_HOST_STALE).isBefore(now)).orElse(false);
            return stale
                    ? new Verdict(true, "removed " + folder + ": a point workstation " + host + " (pid " + pid
                    + ") began at " + started.get() + ", more than " + OTHER_HOST_STALE.toDays() + " days ago")
                    : new Verdict(false, "left " + folder + " alone: workstation " + host + " (pid " + pid + ")"
                    + " may still be writing it; it is removed once it is " + OTHER_HOST_STALE.toDays()
                    + " days old");
        }
        Optional<ProcessHandle> writer = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean sameProcess = writer.isPresent() && (started.isEmpty() || writer.get().info().startInstant()
                .map(t -> Duration.between(t, started.get()).abs().toSeconds() < 2).orElse(true));
        return sameProcess
                ? new Verdict(false, "left " + folder + " alone: process " + pid + " on this workstation is writing it")
                : new Verdict(true, "removed " + folder + ": process " + pid + " that wrote it has ended");
    }

    /** The same name for the app and the CLI on one machine (environment variables differ between them). */
    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
