package org.balloon.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.balloon.contracts.TopicNames;
import org.balloon.scoring.service.ScoringService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The scoring stream as a Kafka Streams topology (the quickstarts' {@code TopologyProducer}):
 * actions in, through {@link ScoreProcessor}, to the scores topic or the DLQ.
 *
 * <p>Why Kafka Streams: it takes what a poll returns, sends every output without waiting between
 * records, and commits the consumed offsets only after the producer has flushed, i.e. after every
 * score of the batch is acknowledged (at-least-once, acks=all, idempotent producer). Per-key order
 * holds because a partition is processed by one task in offset order. And it is the engine the
 * history-aware scoring planned next keeps its state in (state stores with changelog topics).
 */
@ApplicationScoped
public class ScoringTopology {

    private static final Logger LOG = Logger.getLogger(ScoringTopology.class);

    static final String SOURCE = "actions";
    static final String PROCESSOR = "score";
    static final String SCORES_SINK = "scores";
    static final String DLQ_SINK = "dead-letters";

    @Produces
    public Topology topology(ActionRecordDecoder decoder, ScoringService scoring, ObjectMapper mapper, MeterRegistry registry,
            io.opentelemetry.api.trace.Tracer tracer, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff,
            TopicNames topics) {
        // at zero from the start, so that the first dead letter is an increase Prometheus sees (alert PolicyActionDeadLetters)
        ActionRecordDecoder.Poison.REASONS.forEach(reason -> ScoreProcessor.deadLetterCounter(registry, reason));
        ScoreProcessor.Dependencies deps = new ScoreProcessor.Dependencies(decoder, scoring, mapper, registry,
                org.balloon.contracts.tracing.RecordTracing.tracer(tracer, tracingOff));
        return scoring.historyAware() ? buildWithHistory(deps, topics.policyActions(), topics.actionScores(), topics.dlq())
                : build(deps, topics.policyActions(), topics.actionScores(), topics.dlq());
    }

    /**
     * The history-aware topology (issue 14). Every partition of the actions topic decodes its records
     * ({@link SequenceProcessor}): poison goes to the DLQ, actions and retractions to a one-partition
     * repartition topic, the record's single sequence, where {@link HistoryProcessor} keeps the record
     * in two persistent stores with changelog topics and publishes the scores. Several instances share
     * the decoding; the sequence is one task, run by one instance at a time, so nothing is counted twice.
     */
    public static Topology buildWithHistory(ScoreProcessor.Dependencies deps, String actionsTopic, String scoresTopic, String dlqTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HistoryProcessor.ACTIONS_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HistoryProcessor.SCORES_STORE),
                Serdes.String(), Serdes.String()));
        Map<String, KStream<String, String>> routes = builder
                .stream(actionsTopic, Consumed.with(Serdes.String(), Serdes.String()).withName(SOURCE))
                .process(() -> new SequenceProcessor(deps), Named.as("decode"))
                .split(Named.as("route-"))
                .branch((k, v) -> v != null && v.startsWith(SequenceProcessor.DEAD), Branched.as("dead"))
                .defaultBranch(Branched.as("record"));
        routes.get("route-dead").mapValues(v -> v.substring(SequenceProcessor.DEAD.length()), Named.as("unmark-dead"))
                .to(dlqTopic, Produced.with(Serdes.String(), Serdes.String()).withName(DLQ_SINK));
        routes.get("route-record")
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("history-sequence").withNumberOfPartitions(1))
                .process(() -> new HistoryProcessor(deps), Named.as("history"), HistoryProcessor.ACTIONS_STORE, HistoryProcessor.SCORES_STORE)
                .to(scoresTopic, Produced.with(Serdes.String(), Serdes.String()).withName(SCORES_SINK));
        return builder.build();
    }

    /** The topology itself, also built by the broker-less tests with a TopologyTestDriver. */
    public static Topology build(ScoreProcessor.Dependencies deps, String actionsTopic, String scoresTopic, String dlqTopic) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.String().deserializer(), actionsTopic);
        topology.addProcessor(PROCESSOR, () -> new ScoreProcessor(deps), SOURCE);
        topology.addSink(SCORES_SINK, scoresTopic, Serdes.String().serializer(), Serdes.String().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, dlqTopic, Serdes.String().serializer(), Serdes.String().serializer(), PROCESSOR);
        return topology;
    }

    /**
     * A stream thread that dies (the broker away longer than the producer's delivery timeout, say)
     * is replaced: its tasks resume from the last committed offsets, so nothing is lost, and the
     * service heals by itself instead of staying down until someone restarts it.
     */
    @Produces
    public StreamsUncaughtExceptionHandler replaceDeadThreads() {
        return e -> {
            LOG.errorf(e, "scoring stream thread failed; replacing it (its records are replayed from the last commit)");
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        };
    }
}
