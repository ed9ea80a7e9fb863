package app.mamori.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timer definitions for each OS, with paths that need quoting. */
class OsTimersTest {
    private static final List<String> COMMAND = List.of("/opt/My Apps/mamori", "--home", "/home/ann/100% backups",
            "run-due");

    @Test
    void theSystemdServiceQuotesWordsTheSystemdWay() {
        String service = OsTimers.systemdService(COMMAND);

        assertThat(service).contains("Type=oneshot")
                .contains("ExecStart=\"/opt/My Apps/mamori\" --home \"/home/ann/100%% backups\" run-due");
    }

    @Test
    void theSystemdTimerFiresEveryFiveMinutesAndCatchesUpAfterSleep() {
        assertThat(OsTimers.systemdTimer()).contains("OnCalendar=*:0/5").contains("Persistent=true")
                .contains("Unit=mamori-run-due.service").contains("WantedBy=timers.target");
    }

    @Test
    void theCrontabLineIsShellQuotedWithPercentEscapedAndMarked() {
        assertThat(OsTimers.crontabLine(COMMAND)).isEqualTo("*/5 * * * * '/opt/My Apps/mamori' --home"
                + " '/home/ann/100\\% backups' run-due >/dev/null 2>&1 # mamori run-due");
    }

    @Test
    void theWindowsTaskRepeatsEveryFiveMinutesAndStartsWhenMissed() throws Exception {
        String xml = OsTimers.windowsTask("C:\\Program Files\\Mamori\\Mamori.exe",
                List.of("--home", "C:\\Users\\ann\\Mamori & co", "run-due"));

        Document doc = parse(xml.replace("UTF-16", "UTF-8"));
        assertThat(text(doc, "Interval")).containsExactly("PT5M");
        assertThat(text(doc, "StartWhenAvailable")).containsExactly("true");
        assertThat(text(doc, "MultipleInstancesPolicy")).containsExactly("IgnoreNew");
        assertThat(text(doc, "Command")).containsExactly("C:\\Program Files\\Mamori\\Mamori.exe");
        assertThat(text(doc, "Arguments")).containsExactly("--home \"C:\\Users\\ann\\Mamori & co\" run-due");
    }

    @Test
    void theLaunchdAgentListsTheCommandWordByWordEveryFiveMinutes() throws Exception {
        Document doc = parse(OsTimers.launchdPlist(COMMAND));

        assertThat(text(doc, "string")).containsExactly("app.mamori.run-due", "/opt/My Apps/mamori", "--home",
                "/home/ann/100% backups", "run-due", "Background");
        assertThat(text(doc, "integer")).containsExactly("300");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> text(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
