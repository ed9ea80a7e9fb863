package app.mamori.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An X display of its own (Xvfb on a free display number) and the X tools the checks look
 * through: xdotool to find windows and press keys, xprop to read their properties.
 */
final class XDisplay implements AutoCloseable {
    /** In xwininfo's tree: "WxH+relX+relY  +absX+absY". */
    private static final java.util.regex.Pattern GEOMETRY =
            java.util.regex.Pattern.compile("(\\d+)x(\\d+)[+-]-?\\d+[+-]-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)");
    private final Process xvfb;
    private final List<Process> clients = new ArrayList<>();
    private final String display;

    private XDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Xvfb picks a free display and writes its number to the pipe (-displayfd). */
    static XDisplay start() throws IOException {
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder number = new StringBuilder();
        InputStream in = p.getInputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            number.append((char) c);
        }
        if (number.isEmpty()) {
            p.destroyForcibly();
            throw new IOException("Xvfb did not start (is the xvfb package installed? scripts/test installs it)");
        }
        return new XDisplay(p, ":" + number.toString().strip());
    }

    String name() {
        return display;
    }

    /**
     * Starts a program on this display, its output in target/app-image-check/ for when a
     * check fails; it is stopped when the display closes.
     */
    Process launch(List<String> command, Map<String, String> env) throws IOException {
        java.nio.file.Path logs = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/app-image-check"));
        String name = java.nio.file.Path.of(command.get(0)).getFileName() + "-" + clients.size() + ".log";
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name).toFile());
        pb.environment().putAll(env);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        clients.add(p);
        return p;
    }

    /** The first visible window of that process whose WM_CLASS matches, once it appears. */
    Optional<String> awaitWindow(Process process, String wmClass, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        do {
            List<String> found = windows(process, wmClass);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end && process.isAlive());
        return Optional.empty();
    }

    /** Every visible window of that process (by _NET_WM_PID) with that WM_CLASS. */
    List<String> windows(Process process, String wmClass) throws IOException, InterruptedException {
        return x("xdotool", "search", "--all", "--onlyvisible", "--pid", String.valueOf(process.pid()), "--class",
                "^" + wmClass.replace(".", "\\.") + "$").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether a visible window with that WM_CLASS exists, whoever shows it. */
    boolean hasWindow(String wmClass) throws IOException, InterruptedException {
        return !x("xdotool", "search", "--onlyvisible", "--class", "^" + wmClass + "$").isBlank();
    }

    /** The absolute geometry (x, y, width, height) of every window whose line in the tree contains {@code text}. */
    List<int[]> geometries(String text) throws IOException, InterruptedException {
        List<int[]> found = new ArrayList<>();
        for (String line : x("xwininfo", "-root", "-tree").lines().toList()) {
            java.util.regex.Matcher m = GEOMETRY.matcher(line);
            if (line.contains(text) && m.find()) {
                found.add(new int[]{Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            }
        }
        return found;
    }

    /** Clicks a mouse button at a place on the screen. */
    void click(int x, int y, int button) throws IOException, InterruptedException {
        x("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y), "click", String.valueOf(button));
    }

    String property(String window, String name) throws IOException, InterruptedException {
        return x("xprop", "-id", window, name).strip();
    }

    /** Runs an X tool against this display and returns what it printed. */
    String x(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : clients) {
            p.destroy();
        }
        for (Process p : clients) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        xvfb.destroy();
        xvfb.waitFor(10, TimeUnit.SECONDS);
    }
}
