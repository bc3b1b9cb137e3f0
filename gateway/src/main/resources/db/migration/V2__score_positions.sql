-- How far the score store has read each partition of the scores topic, written in the same
-- transaction as the scores themselves: a restart resumes here (seconds, whatever the topic's
-- size) instead of re-reading the topic, and no record is stored twice or skipped. Replicas that
-- share the schema share the positions; a position only ever moves forward.
CREATE TABLE score_positions (
    topic           text    NOT NULL,
    kafka_partition integer NOT NULL,
    next_offset     bigint  NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);
