package app.mamori.packaging;

import app.mamori.it.Cli;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app image that scripts/package built (target/installer/mamori), started as an admin
 * would start it: from its native launcher, on a real X display with a window manager
 * (openbox) and a real tray host (trayer). Run by mvn verify after the image is built (see
 * pom.xml); the unit-test phase does not pick it up.
 */
class AppImageCheck {
    static final Path LAUNCHER = Path.of("target/installer/mamori/bin/mamori");
    /** Generous: the machines that run the suite are shared; the cold start is measured in docs/benchmarks.md. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** AWT's tray icon: a frame that the tray host embeds (XEmbed). */
    static final String TRAY_ICON = "\"JavaEmbeddedFrame\"";
    static final String POPUP_MENU = "sun-awt-X11-XPopupMenuPeer";
    /** AWT's desktop notification on X11 (a balloon by the icon) is the only window holding AWT labels. */
    static final String NOTIFICATION = "sun-awt-X11-XLabelPeer";
    /** The catalogue is polled every 2 s and the look that follows is one query per job. */
    static final Duration TURNS_RED_WITHIN = Duration.ofSeconds(30);

    static XDisplay display;

    @BeforeAll
    static void startDesktop() throws Exception {
        assertThat(LAUNCHER).as("app image launcher; mvn verify builds it with scripts/package --image-only")
                .isExecutable();
        display = XDisplay.start();
        display.launch(List.of("openbox"), Map.of());
        // trayer started before the window manager is up leaves its panel unmapped
        long wm = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!display.x("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id") && System.nanoTime() < wm) {
            Thread.sleep(100);
        }
        display.launch(List.of("trayer", "--edge", "bottom", "--align", "right", "--widthtype", "pixel", "--width",
                "200", "--heighttype", "pixel", "--height", "24", "--transparent", "false"), Map.of());
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!display.hasWindow("trayer") && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(display.hasWindow("trayer")).as("trayer's panel; windows: %s", display.x("xwininfo", "-root", "-tree"))
                .isTrue();
    }

    @AfterAll
    static void stopDesktop() throws InterruptedException {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void thePackagedLauncherAnswersVersionWithThePomVersion() throws Exception {
        Process p = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("--version finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("mamori " + System.getProperty("mamori.version"));
    }

    @Test
    void theAppSitsInTheTrayOnceAndItsQuitEndsIt(@TempDir Path home) throws Exception {
        Process app = startApp(home);
        await("the tray icon in trayer", () -> trayIcons() == 1);

        Process second = new ProcessBuilder(LAUNCHER.toString(), "--home", home.toString()).redirectErrorStream(true)
                .start();
        String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second launch returned").isTrue();
        assertThat(second.exitValue()).as(said).isZero();
        assertThat(said).contains("already running");
        assertThat(display.windows(app, startupWmClass())).as("windows after a second launch").hasSize(1);
        assertThat(display.x("xdotool", "search", "--onlyvisible", "--class", startupWmClass()).lines().count())
                .as("windows of any Mamori").isEqualTo(1);
        assertThat(trayIcons()).as("tray icons after a second launch").isEqualTo(1);

        int[] icon = display.geometries(TRAY_ICON).get(0);
        display.click(icon[0] + icon[2] / 2, icon[1] + icon[3] / 2, 3);
        await("the tray menu", () -> !geometries(POPUP_MENU).isEmpty());
        Thread.sleep(1500); // mapped is not yet ready for clicks on a loaded machine
        int[] menu = geometries(POPUP_MENU).get(0);
        display.click(menu[0] + menu[2] / 3, menu[1] + menu[3] - 10, 1); // the last item: Quit
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("process ended after Quit in the tray menu at %s",
                java.util.Arrays.toString(menu)).isTrue();
        assertThat(trayIcons()).as("tray icons after Quit").isZero();
    }

    @Test
    void closingTheWindowEndsTheAppWhenItIsNotKeptInTheTray(@TempDir Path home) throws Exception {
        Process app = startApp(home);
        // The launcher names the app's class-data archive; a JVM that found it unusable (another
        // class path, another JDK) would start without it and say nothing, so look at its mappings.
        assertThat(Files.readString(Path.of("/proc", Long.toString(app.pid()), "maps")))
                .as("the app maps its class-data archive")
                .contains(LAUNCHER.toAbsolutePath().getParent().getParent().resolve("lib/app/mamori.jsa").toString());
        String window = display.windows(app, startupWmClass()).get(0);
        display.x("xdotool", "windowactivate", "--sync", window);
        display.x("xdotool", "key", "--clearmodifiers", "alt+F4"); // openbox's Close
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("process ended after its window closed").isTrue();
        assertThat(trayIcons()).as("tray icons after close").isZero();
        assertThat(home.resolve("app.port")).as("single-instance port given up").doesNotExist();
    }

    @Test
    @ExtendWith(SshdExtension.class)
    void aBackupThatFailsFromTheCommandLineTurnsTheTrayRedAndRaisesANotification(SshdServer sshd,
            @TempDir Path home, @TempDir Path office) throws Exception {
        Cli cli = new Cli(home);
        Path db = cli.sqliteJob(sshd, office);
        // from the image: its SQLite driver and zstd with only this platform's native libraries left in them
        for (String[] command : List.of(new String[]{"backup", "tool"}, new String[]{"verify", "--all"})) {
            List<String> args = new java.util.ArrayList<>(List.of(LAUNCHER.toString(), "--home", home.toString()));
            args.addAll(List.of(command));
            Process good = new ProcessBuilder(args).redirectErrorStream(true).start();
            String said = new String(good.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(good.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(good.exitValue()).as(String.join(" ", command) + ": " + said).isZero();
        }
        try (var stored = Files.walk(office.resolve("vault"))) {
            assertThat(stored.map(f -> f.getFileName().toString())).contains("tooldb.sqlite.zst");
        }
        Process app = startApp(home);
        try {
            await("the tray icon in trayer", () -> trayIcons() == 1);
            await("the tray icon drawn", () -> trayColour() != Colour.NONE);
            assertThat(trayColour()).as("icon after a good backup").isNotEqualTo(Colour.RED);
            assertThat(geometries(NOTIFICATION)).as("a notification before anything failed").isEmpty();

            Files.delete(db); // the tool's database is gone: its next backup fails, as the OS timer would run it
            Path loaded = office.resolve("classes.log");
            ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--home", home.toString(), "backup", "tool")
                    .redirectErrorStream(true);
            Path libraries = office.resolve("libraries.log");
            pb.environment().put("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + loaded
                    + " -Xlog:library=info:file=" + libraries);
            Process backup = pb.start();
            String said = new String(backup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(backup.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(backup.exitValue()).as(said).isNotZero();
            long failed = System.nanoTime();
            assertBackupClassesComeFromTheArchive(Files.readAllLines(loaded));
            // the Corretto provider's library from the image, not unpacked into the temp folder first
            assertThat(Files.readString(libraries)).contains("Loaded library " + LAUNCHER.toAbsolutePath().getParent()
                    .getParent().resolve("lib/app/native/libamazonCorrettoCryptoProvider.so"));

            await("the tray icon turned red", () -> trayColour() == Colour.RED, TURNS_RED_WITHIN);
            long red = System.nanoTime();
            await("a desktop notification of the failure", () -> !geometries(NOTIFICATION).isEmpty(), TURNS_RED_WITHIN);
            System.out.printf("AppImageCheck: tray red %d ms, notification %d ms after the failed backup ended%n",
                    (red - failed) / 1_000_000, (System.nanoTime() - failed) / 1_000_000);
            Thread.sleep(1000); // mapped is not yet painted
            BufferedImage balloon = capture(geometries(NOTIFICATION), "tray-failure-notification.png");
            assertThat(count(balloon, Colour.RED)).as("red pixels of the error sign").isGreaterThan(20);
            assertThat(app.isAlive()).isTrue();
        } finally {
            stop(app);
        }
    }

    @Test
    @ExtendWith(SshdExtension.class)
    void aJobThatFellBehindItsScheduleRaisesAWarningNotification(SshdServer sshd, @TempDir Path home,
            @TempDir Path office) throws Exception {
        Cli cli = new Cli(home);
        cli.sqliteJob(sshd, office);
        cli.run("backup", "tool").requireOk();
        cli.run("job", "set", "tool", "--schedule", "hourly").requireOk();
        // three hours pass with no backup, more than the 1.5 hours an hourly job may fall behind
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("catalog.db"))) {
            c.createStatement().executeUpdate("UPDATE runs SET started = started - 10800000, ended = ended - 10800000");
        }
        Process app = startApp(home);
        try {
            await("a desktop notification of the overdue job", () -> !geometries(NOTIFICATION).isEmpty(),
                    TURNS_RED_WITHIN);
            Thread.sleep(1000); // mapped is not yet painted
            BufferedImage balloon = capture(geometries(NOTIFICATION), "tray-overdue-notification.png");
            // AWT draws a warning's balloon with a yellow triangle; an error's sign is red, an info's blue
            assertThat(count(balloon, Colour.AMBER)).as("yellow pixels of the warning sign").isGreaterThan(20);
            assertThat(trayColour()).as("an overdue job turns the icon red").isEqualTo(Colour.RED);
        } finally {
            stop(app);
        }
    }

    @Test
    void theImagesJarsCarryOnlyThisPlatformsNativeLibraries() throws IOException {
        Path lib = LAUNCHER.getParent().getParent().resolve("lib/app/lib");
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86_64";
        assertThat(natives(lib, "sqlite-jdbc-")).containsExactly("org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so");
        assertThat(natives(lib, "zstd-jni-")).singleElement().asString()
                .startsWith("linux/" + (arch.equals("x86_64") ? "amd64" : arch) + "/libzstd-jni-");
        assertThat(natives(lib, "jna-5")).containsExactly("com/sun/jna/linux-" + arch.replace('_', '-')
                + "/libjnidispatch.so");
        assertThat(natives(lib, "AmazonCorrettoCryptoProvider-")).as("loaded from lib/app/native").isEmpty();
        assertThat(LAUNCHER.getParent().getParent().resolve("lib/app/native/libamazonCorrettoCryptoProvider.so"))
                .isRegularFile();
    }

    /** The native libraries inside the image's jar whose name starts with {@code prefix}. */
    private static List<String> natives(Path lib, String prefix) throws IOException {
        Path jar;
        try (var jars = Files.list(lib)) {
            jar = jars.filter(j -> j.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.matches(".*\\.(so|dll|dylib|jnilib|a)$")).toList();
        }
    }

    /**
     * scripts/package records a backup's classes for the archive, and unsigns the jars whose
     * classes an archive would skip: SSH (JSch) and its crypto (Bouncy Castle's, signed upstream)
     * must come from the archive, not be loaded and checked one by one at every backup.
     */
    private static void assertBackupClassesComeFromTheArchive(List<String> loaded) {
        List<String> ssh = loaded.stream().filter(l -> l.contains(" com.jcraft.jsch.") || l.contains(" org.bouncycastle."))
                .toList();
        assertThat(ssh).as("SSH classes the backup loaded").anyMatch(l -> l.contains(" com.jcraft.jsch.Session "))
                .anyMatch(l -> l.contains(" org.bouncycastle."));
        long shared = ssh.stream().filter(l -> l.endsWith("source: shared objects file")).count();
        assertThat(shared).as("SSH and crypto classes from the class-data archive, of %d:%n%s", ssh.size(),
                String.join("\n", ssh)).isGreaterThanOrEqualTo(ssh.size() * 9 / 10);
    }

    /** The balloon around its labels, kept in target/app-image-check for a person to read. */
    private static BufferedImage capture(List<int[]> labels, String name) throws IOException, InterruptedException {
        int left = Math.max(0, labels.stream().mapToInt(g -> g[0]).min().orElseThrow() - 40);
        int top = Math.max(0, labels.stream().mapToInt(g -> g[1]).min().orElseThrow() - 10);
        int right = labels.stream().mapToInt(g -> g[0] + g[2]).max().orElseThrow() + 30;
        int bottom = labels.stream().mapToInt(g -> g[1] + g[3]).max().orElseThrow() + 10;
        Path png = Path.of("target/app-image-check").resolve(name);
        display.x("import", "-window", "root", "-crop", (right - left) + "x" + (bottom - top) + "+" + left + "+" + top,
                png.toString());
        return javax.imageio.ImageIO.read(png.toFile());
    }

    /** Ends an app the check started, and waits until its icon has left the shared tray. */
    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        await("the tray empty again", () -> trayIcons() == 0, Duration.ofSeconds(30));
    }

    enum Colour { NONE, RED, GREEN, AMBER, BLUE }

    /**
     * The tray icon's colour as the screen shows it: each state has its own shape too, but the
     * colour is what can be read reliably off a 24 px capture (icons/tray-*.svg).
     */
    private static Colour trayColour() {
        try {
            List<int[]> icons = display.geometries(TRAY_ICON);
            if (icons.isEmpty()) {
                return Colour.NONE;
            }
            int[] g = icons.get(0);
            // kept: the last capture is what to look at when a check on the colour fails
            Path png = Path.of("target/app-image-check/tray-icon-last.png");
            display.x("import", "-window", "root", "-crop", g[2] + "x" + g[3] + "+" + g[0] + "+" + g[1], png.toString());
            BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            return image == null ? Colour.NONE : dominant(image);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot capture the tray icon", e);
        }
    }

    private static Colour dominant(BufferedImage image) {
        int[] counts = new int[Colour.values().length];
        for (Colour c : Colour.values()) {
            counts[c.ordinal()] = count(image, c);
        }
        // the panel around the icon and the drawing's outline and tick are no colour: the fill decides
        Colour best = Colour.NONE;
        int most = 11; // a few stray pixels of a colour are anti-aliasing, not a fill
        for (Colour c : Colour.values()) {
            if (c != Colour.NONE && counts[c.ordinal()] > most) {
                best = c;
                most = counts[c.ordinal()];
            }
        }
        return best;
    }

    private static int count(BufferedImage image, Colour colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                n += classify((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff) == colour ? 1 : 0;
            }
        }
        return n;
    }

    /** Near the fills of icons/tray-*.svg: #d1242f, #1f883d, #f2b90c, #0969da. */
    private static Colour classify(int r, int g, int b) {
        if (r > 150 && g < 90 && b < 90) {
            return Colour.RED;
        }
        if (g > 100 && r < 90 && b < 110) {
            return Colour.GREEN;
        }
        if (r > 180 && g > 140 && b < 80) {
            return Colour.AMBER;
        }
        if (b > 150 && r < 60) {
            return Colour.BLUE;
        }
        return Colour.NONE;
    }

    /** Starts the app from its launcher and waits for its window, named as the menu entry expects. */
    private static Process startApp(Path home) throws Exception {
        String wmClass = startupWmClass();
        long start = System.nanoTime();
        Process app = display.launch(List.of(LAUNCHER.toString(), "--home", home.toString()), Map.of());
        String window = display.awaitWindow(app, wmClass, START_TIMEOUT).orElseThrow(() -> new AssertionError(
                "no window of class " + wmClass + " within " + START_TIMEOUT + "; app alive: " + app.isAlive()));
        System.out.printf("AppImageCheck: window after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(display.property(window, "WM_NAME")).contains("\"Mamori\"");
        assertThat(display.property(window, "_NET_WM_ICON")).as("window icon").doesNotContain("not found");
        return app;
    }

    private static int trayIcons() {
        return geometries(TRAY_ICON).size();
    }

    private static List<int[]> geometries(String text) {
        try {
            return display.geometries(text);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("xwininfo failed", e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, START_TIMEOUT);
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** The class the .deb's menu entry names, so the dock matches the window to its entry. */
    static String startupWmClass() throws IOException {
        return Files.readAllLines(Path.of("packaging/linux/mamori.desktop")).stream()
                .filter(l -> l.startsWith("StartupWMClass=")).findFirst()
                .map(l -> l.substring("StartupWMClass=".length()).strip())
                .orElseThrow(() -> new AssertionError("packaging/linux/mamori.desktop has no StartupWMClass"));
    }
}
