package app.mamori.testenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a server that counts the bytes clients send and, once
 * armed with a budget, cuts every connection when the budget is spent and refuses new ones:
 * a dropped network in the middle of an upload, for real sockets.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile long cutAfter = Long.MAX_VALUE;

    public CuttingProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::acceptLoop, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Bytes clients sent through the relay so far. */
    public long sent() {
        return sent.get();
    }

    /** Bytes the server sent back to clients so far (downloads). */
    public long received() {
        return received.get();
    }

    /** From now on, cut everything once clients have sent {@code bytes} more. */
    public void cutAfter(long bytes) {
        cutAfter = sent.get() + bytes;
    }

    /** Lets traffic through again and zeroes the count. */
    public void heal() {
        cutAfter = Long.MAX_VALUE;
        sent.set(0);
        received.set(0);
    }

    private boolean cut() {
        return sent.get() >= cutAfter;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut()) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                // closed, or the target refused: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean counted) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    if (counted) {
                        long room = cutAfter - sent.get();
                        if (room <= 0) {
                            break;
                        }
                        n = (int) Math.min(n, room);
                        sent.addAndGet(n);
                    } else {
                        received.addAndGet(n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    if (counted && cut()) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
