package app.mamori.engine.runbook;

import java.util.List;

/** The runbook laid out as plain blocks, which Markdown and HTML each write in their own way. */
sealed interface Block {
    record Heading(int level, String text) implements Block {
    }

    record Para(String text) implements Block {
    }

    record Bullets(List<String> items, boolean numbered) implements Block {
    }

    record Table(List<String> head, List<List<String>> rows) implements Block {
    }

    /** Commands to type, each after its comment. */
    record Code(List<Runbook.Line> lines) implements Block {
    }
}
