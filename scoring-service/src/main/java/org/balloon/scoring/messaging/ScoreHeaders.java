package org.balloon.scoring.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.balloon.contracts.Topics;

/** Header names of this service's records and the small helpers that fill them. */
public final class ScoreHeaders {

    /** On every score: the modelVersion that produced it, so consumers can keep scores of several models apart. */
    public static final String MODEL_VERSION = "balloon-model-version";

    /** DLQ: a stable code for why the record could not be scored (see ActionRecordDecoder.Poison). */
    public static final String DLQ_REASON = "balloon-dlq-reason";
    /** DLQ: the exception class behind the reason, or "none". */
    public static final String DLQ_EXCEPTION = "balloon-dlq-exception";
    /** DLQ: the account of what was wrong. */
    public static final String DLQ_CAUSE = "balloon-dlq-cause";
    /** DLQ: where the record came from, so it can be found and replayed. */
    public static final String DLQ_TOPIC = "balloon-dlq-original-topic";
    public static final String DLQ_PARTITION = "balloon-dlq-original-partition";
    public static final String DLQ_OFFSET = "balloon-dlq-original-offset";

    private ScoreHeaders() {
    }

    /** Headers of a score (or score tombstone): action id, the incoming traceparent and principal if any, the model version. */
    public static Headers forScore(String actionId, Headers incoming, String modelVersion) {
        RecordHeaders h = new RecordHeaders();
        put(h, Topics.HEADER_ACTION_ID, actionId);
        copy(incoming, h, Topics.HEADER_TRACEPARENT);
        copy(incoming, h, Topics.HEADER_PRINCIPAL);
        put(h, MODEL_VERSION, modelVersion);
        return h;
    }

    /** The original headers plus the DLQ's own. */
    public static Headers forDeadLetter(Headers incoming, String reason, String exception, String cause, String topic,
            int partition, long offset) {
        RecordHeaders h = new RecordHeaders();
        if (incoming != null) {
            for (Header header : incoming) {
                h.add(header.key(), header.value());
            }
        }
        put(h, DLQ_REASON, reason);
        put(h, DLQ_EXCEPTION, exception);
        // Kafka headers are bytes, but a cause quoting a whole record helps no one
        put(h, DLQ_CAUSE, cause == null ? "" : cause.length() > 1000 ? cause.substring(0, 1000) + "…" : cause);
        put(h, DLQ_TOPIC, topic);
        put(h, DLQ_PARTITION, Integer.toString(partition));
        put(h, DLQ_OFFSET, Long.toString(offset));
        return h;
    }

    private static void copy(Headers from, Headers to, String name) {
        if (from == null) {
            return;
        }
        Header h = from.lastHeader(name);
        if (h != null && h.value() != null) {
            to.add(name, h.value());
        }
    }

    private static void put(Headers h, String name, String value) {
        h.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
