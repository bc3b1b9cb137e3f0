-- The record of truth: one row per accepted action. The filterable fields are columns; payload is
-- the exact JSON published on the actions topic (text, not jsonb, so it stays byte for byte).
CREATE TABLE policy_action (
    id                UUID PRIMARY KEY,
    received_at       TIMESTAMPTZ  NOT NULL,
    schema_version    INTEGER      NOT NULL,
    title             VARCHAR(200) NOT NULL,
    type              VARCHAR(40)  NOT NULL,
    target_country    CHAR(2)      NOT NULL,
    occurred_on       DATE         NOT NULL,
    payload           TEXT         NOT NULL,
    retracted_at      TIMESTAMPTZ,
    retraction_reason VARCHAR(1000)
);

-- list order (newest first) and the keyset cursor: (occurred_on, received_at, id) descending
CREATE INDEX policy_action_newest_idx ON policy_action (occurred_on DESC, received_at DESC, id DESC);
CREATE INDEX policy_action_country_idx ON policy_action (target_country, occurred_on DESC, received_at DESC, id DESC);
CREATE INDEX policy_action_type_idx ON policy_action (type, occurred_on DESC, received_at DESC, id DESC);

-- targetOrganizations, case-folded, for the organization filter
CREATE TABLE action_organization (
    action_id UUID         NOT NULL REFERENCES policy_action (id),
    name_key  VARCHAR(200) NOT NULL,
    PRIMARY KEY (action_id, name_key)
);
CREATE INDEX action_organization_name_idx ON action_organization (name_key, action_id);

-- Transactional outbox: written in the same transaction as the action (or its retraction),
-- published by the relay, marked sent once the broker acknowledged. payload NULL = tombstone.
CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE outbox_record (
    seq             BIGINT PRIMARY KEY,
    action_id       UUID        NOT NULL,
    payload         TEXT,
    traceparent     VARCHAR(128),
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    kafka_partition INTEGER,
    kafka_offset    BIGINT
);
CREATE INDEX outbox_record_unsent_idx ON outbox_record (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_record_action_idx ON outbox_record (action_id);
CREATE INDEX outbox_record_sent_at_idx ON outbox_record (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotency-Key of POST /actions: remembered until expires_at, then purged.
CREATE TABLE idempotency_key (
    key          VARCHAR(255) PRIMARY KEY,
    request_hash CHAR(64)     NOT NULL,
    action_id    UUID         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
