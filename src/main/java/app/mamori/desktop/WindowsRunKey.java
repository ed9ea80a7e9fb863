package app.mamori.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Windows: the value {@code Mamori} under the current user's Run key, written with {@code reg.exe}. */
final class WindowsRunKey implements Autostart {
    static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "Mamori";
    private static final long SECONDS = 20;

    private final List<String> command;

    WindowsRunKey(List<String> command) {
        this.command = List.copyOf(command);
    }

    @Override
    public boolean enabled() throws IOException {
        return reg("query", KEY, "/v", VALUE) == 0;
    }

    @Override
    public void enable() throws IOException {
        // reg.exe reads its arguments as the C runtime does: \" is a quote inside one argument
        String data = commandLine(command).replace("\"", "\\\"");
        if (reg("add", KEY, "/v", VALUE, "/t", "REG_SZ", "/d", data, "/f") != 0) {
            throw new IOException("reg.exe could not write " + where());
        }
    }

    @Override
    public void disable() throws IOException {
        if (enabled() && reg("delete", KEY, "/v", VALUE, "/f") != 0) {
            throw new IOException("reg.exe could not remove " + where());
        }
    }

    @Override
    public String where() {
        return KEY + "\\" + VALUE;
    }

    /** The value Windows runs at login: every word quoted, so paths with spaces stay whole. */
    static String commandLine(List<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" "));
    }

    private static int reg(String... args) throws IOException {
        List<String> words = new ArrayList<>(List.of("reg.exe"));
        words.addAll(List.of(args));
        Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("reg.exe did not answer within " + SECONDS + " s");
            }
            System.getLogger(WindowsRunKey.class.getName()).log(System.Logger.Level.DEBUG, "reg.exe: " + said);
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reg.exe ran", e);
        }
    }
}
