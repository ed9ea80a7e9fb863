package app.mamori.ui;

import app.mamori.vault.SecureFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One desktop app per data folder. The first app holds an OS lock on {@code app.lock} and
 * listens on a loopback port written, with a random token, to {@code app.port} (0600, in
 * the 0700 data folder, so only its owner can read the token). A second launch finds the
 * lock taken, sends the token to that port, and the first app brings its window forward.
 * Two apps on one catalogue would run the same schedules twice and show two tray icons.
 */
public final class SingleInstance implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());
    static final String LOCK_FILE = "app.lock";
    static final String PORT_FILE = "app.port";
    /** How long a second launch waits for a first app that is still starting up. */
    static final long ANSWER_WAIT_MILLIS = 10_000;

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path portFile;
    private final String token;
    private volatile Runnable onSecondLaunch = () -> {
    };

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, Path portFile, String token) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.portFile = portFile;
        this.token = token;
    }

    /**
     * This process's claim on {@code home}, or empty when another app holds it; that app has
     * then been asked to show its window.
     *
     * @throws IOException when another app holds the folder but does not answer
     */
    public static Optional<SingleInstance> claim(Path home) throws IOException {
        Path portFile = home.resolve(PORT_FILE);
        FileChannel channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            askFirstToShow(portFile);
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        SecureFiles.writeAtomically(portFile, (server.getLocalPort() + " " + token + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        SingleInstance claimed = new SingleInstance(channel, lock, server, portFile, token);
        Thread t = new Thread(claimed::answer, "mamori-single-instance");
        t.setDaemon(true);
        t.start();
        return Optional.of(claimed);
    }

    /** What to do when another launch asks for the window; called on this class's own thread. */
    public void onSecondLaunch(Runnable action) {
        this.onSecondLaunch = action;
    }

    private void answer() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (token.equals(line)) {
                    onSecondLaunch.run();
                    s.getOutputStream().write("ok\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.DEBUG, "ignoring a broken call on the single-instance port", e);
                }
            }
        }
    }

    private static void askFirstToShow(Path portFile) throws IOException {
        long end = System.currentTimeMillis() + ANSWER_WAIT_MILLIS;
        IOException last = null;
        do {
            try {
                String[] portAndToken = Files.readString(portFile, StandardCharsets.US_ASCII).strip().split(" ");
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0]))) {
                    s.setSoTimeout(5000);
                    OutputStream out = s.getOutputStream();
                    out.write((portAndToken[1] + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if ("ok".equals(new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII)).readLine())) {
                        return;
                    }
                }
            } catch (NoSuchFileException | java.net.ConnectException | ArrayIndexOutOfBoundsException
                     | NumberFormatException starting) {
                last = new IOException(starting.toString(), starting); // the first app is still starting: wait
            }
            sleep();
        } while (System.currentTimeMillis() < end);
        throw new IOException("Mamori is already running for the data folder " + portFile.getParent()
                + " but does not answer" + (last == null ? "" : " (" + last.getMessage() + ")")
                + ". If no Mamori window or tray icon is there, end the stuck process (its id: see "
                + "'ps -ef | grep mamori') and start Mamori again.", last);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the data folder up: the next launch becomes the app. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(portFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot release " + portFile.getParent() + "/" + LOCK_FILE, e);
        }
    }
}
