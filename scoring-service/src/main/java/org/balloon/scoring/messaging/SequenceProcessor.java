package org.balloon.scoring.messaging;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.balloon.scoring.messaging.ActionRecordDecoder.Poison;

/**
 * The first step of the history-aware topology (issue 14), run on every partition of the actions
 * topic: a record that cannot be scored goes to the DLQ branch, an action or a tombstone goes on to
 * the record's single sequence (where {@link HistoryProcessor} keeps the whole record). The branch is
 * marked by the value's first character, {@code D} or {@code A}; a tombstone stays null. Counter
 * {@code balloon.scoring.decoded}: the records of the actions topic this instance decoded, i.e. its
 * share of the work when several instances run (the history stage itself runs on one of them).
 */
final class SequenceProcessor implements Processor<String, String, String, String> {

    static final String DEAD = "D";
    static final String ACTION = "A";

    private final ScoreProcessor.Dependencies deps;
    private final Counter decoded;
    private ProcessorContext<String, String> context;

    SequenceProcessor(ScoreProcessor.Dependencies deps) {
        this.deps = deps;
        this.decoded = Counter.builder("balloon.scoring.decoded")
                .description("records of the actions topic decoded by this instance (history stage)").register(deps.registry());
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        decoded.increment();
        ActionRecordDecoder.Decoded decoded = deps.decoder().decode(record.key(), record.value());
        if (decoded instanceof Poison p) {
            Record<String, String> dead = ScoreProcessor.deadLetterRecord(record, p, context.recordMetadata().orElseThrow(), deps.registry());
            context.forward(dead.withValue(DEAD + (dead.value() == null ? "" : dead.value())));
        } else if (decoded instanceof ActionRecordDecoder.Tombstone t) {
            context.forward(record.withKey(t.key()).withValue(null));
        } else {
            context.forward(record.withValue(ACTION + record.value()));
        }
    }
}
