package app.mamori.ssh;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StderrWithPidTest {

    @Test
    void pidLineIsTakenOutOfStderrEvenWhenSplitAcrossWrites() throws Exception {
        var capture = new BoundedCapture(1000);
        var split = new StderrWithPid(capture);
        write(split, RemotePid.MARKER + "12");
        write(split, "34\nreal error\n");
        assertThat(split.pid()).isEqualTo(1234);
        assertThat(capture.text()).isEqualTo("real error\n");
    }

    @Test
    void endLineIsTakenOutAndReportedEvenWhenSplitAcrossWrites() throws Exception {
        var capture = new BoundedCapture(1000);
        var ends = new java.util.concurrent.atomic.AtomicInteger();
        var split = new StderrWithPid(capture, ends::incrementAndGet);
        write(split, RemotePid.MARKER + "7\nno newline at the end\u001emamori");
        assertThat(ends).hasValue(0);
        write(split, "-en");
        write(split, "d\n");
        assertThat(ends).hasValue(1);
        assertThat(capture.text()).isEqualTo("no newline at the end");
    }

    @Test
    void aLineThatOnlyStartsLikeTheEndLineIsKeptWhole() throws Exception {
        var capture = new BoundedCapture(1000);
        var ends = new java.util.concurrent.atomic.AtomicInteger();
        var split = new StderrWithPid(capture, ends::incrementAndGet);
        write(split, RemotePid.MARKER + "7\na\u001emamori-e\u001e\u001emamori-x\n" + RemotePid.END);
        assertThat(ends).hasValue(1);
        assertThat(capture.text()).isEqualTo("a\u001emamori-e\u001e\u001emamori-x\n");
    }

    @Test
    void firstLineThatIsNotThePidIsKeptAsStderr() throws Exception {
        var capture = new BoundedCapture(1000);
        var split = new StderrWithPid(capture);
        write(split, "csh: syntax error\nmore\n");
        assertThat(split.pid()).isEqualTo(-1);
        assertThat(capture.text()).isEqualTo("csh: syntax error\nmore\n");
    }

    @Test
    void longFirstLineWithoutNewlinePassesThroughWhole() throws Exception {
        var capture = new BoundedCapture(1000);
        var split = new StderrWithPid(capture);
        String longLine = "x".repeat(200);
        write(split, longLine);
        assertThat(capture.text()).isEqualTo(longLine);
    }

    @Test
    void boundedCaptureKeepsTheHeadAndTheLastWholeLinesAndFlagsTheMiddle() {
        var capture = new BoundedCapture(40);
        byte[] b = ("start\n" + "noise\n".repeat(1000) + "Error: the end\n").getBytes(StandardCharsets.UTF_8);
        capture.write(b, 0, b.length);
        assertThat(capture.text())
                .isEqualTo("start\nnoise\nnoise\nno\n[... 5986 bytes of stderr left out ...]\nError: the end\n");
        assertThat(capture.truncated()).isTrue();
    }

    @Test
    void boundedCaptureKeepsAllThatFits() {
        var capture = new BoundedCapture(40);
        capture.write("hello world".getBytes(StandardCharsets.UTF_8), 0, 11);
        assertThat(capture.text()).isEqualTo("hello world");
        assertThat(capture.truncated()).isFalse();
    }

    private static void write(StderrWithPid out, String s) throws Exception {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
