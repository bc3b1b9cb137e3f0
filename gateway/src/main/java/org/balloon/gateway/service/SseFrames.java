package org.balloon.gateway.service;

import org.balloon.gateway.domain.StoredScore;

/** The {@code text/event-stream} wire format (WHATWG HTML, "server-sent events") of the frames the stream sends. */
final class SseFrames {

    private SseFrames() {
    }

    /** A stored score as one event: its sequence is the id a client resumes from. */
    static String score(StoredScore score) {
        return "id: " + score.seq() + "\nevent: score\n" + data(score.json()) + "\n";
    }

    static String event(String name, String data) {
        return "event: " + name + "\n" + data(data) + "\n";
    }

    static String comment(String text) {
        return ": " + text + "\n\n";
    }

    /** How long a client waits before it reconnects. */
    static String retry(long millis) {
        return "retry: " + millis + "\n\n";
    }

    // a line break inside the data would end the field: each line becomes a data line of its own
    private static String data(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return "data: " + text + "\n";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.toString();
    }
}
