package app.mamori.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.JSchException;

/**
 * Window and packet size for exec channels. JSch defaults to a 1 MiB window and 16 KiB
 * packets; OpenSSH uses 2 MiB and 32 KiB. With 16 KiB packets every byte costs twice the
 * per-packet work (MAC, cipher setup, session-thread wake-up) and streaming stalls near half
 * of OpenSSH's speed; see bench/ssh-stream for the numbers. The system properties exist only
 * so that benchmark can compare settings without a rebuild.
 */
final class ChannelTuning {
    static final int WINDOW = Integer.getInteger("mamori.ssh.window", 4 * 1024 * 1024);
    static final int PACKET = Integer.getInteger("mamori.ssh.packet", 32 * 1024);

    private ChannelTuning() {
    }

    static void apply(Channel channel) throws JSchException {
        if (WINDOW > 0) {
            channel.setLocalWindowSizeMax(WINDOW);
        }
        if (PACKET > 0) {
            channel.setLocalPacketSize(PACKET);
        }
    }
}
