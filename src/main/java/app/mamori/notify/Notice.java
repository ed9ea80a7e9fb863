package app.mamori.notify;

import app.mamori.model.NotifyEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message, written for the admin who reads it.
 *
 * @param title  one line: what happened, where ("Backup of job blog failed on server web1")
 * @param text   the details and what to try, plain text, several lines
 * @param fields the same facts as data (server, job, sources, error, hint...), for JSON webhooks
 * @param test   sent by {@code mamori notify test}, not by a real event
 * @param sentBy the e-mail's signature line ("Sent by Mamori at ..."), in the same language as the title
 */
public record Notice(NotifyEvent event, String title, String text, Map<String, Object> fields, Instant time,
                     boolean test, String sentBy) {
    public Notice {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public boolean bad() {
        return event == NotifyEvent.FAILURE || event == NotifyEvent.OVERDUE;
    }
}
