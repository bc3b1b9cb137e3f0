-- The gateway's score store: one row per (action, model version), with the action's filter
-- columns beside it so queries and aggregates never need another service.

-- The stream's event ids. A row gets a new value whenever its score changes, so a client that
-- resumes from an id sees every score stored or changed after it.
CREATE SEQUENCE score_seq;

CREATE TABLE scores (
    action_id        uuid        NOT NULL,
    model_version    text        NOT NULL,
    seq              bigint      NOT NULL DEFAULT nextval('score_seq'),
    scored_at        timestamptz NOT NULL,
    stored_at        timestamptz NOT NULL DEFAULT now(),
    overall          integer     NOT NULL,
    band             text        NOT NULL,
    -- {"DEMAND_UNTOUCHED": 40, ...}: what the per-criterion means are computed from
    criterion_scores jsonb       NOT NULL,
    -- the ActionScore record exactly as received (breakdown, rules, evidence, the action);
    -- json, not jsonb, so it is served byte for byte as the scoring service wrote it
    score_json       json        NOT NULL,
    -- from ActionScore.action; null only if a producer left the action out
    country          text,
    action_type      text,
    stage            text,
    occurred_on      date,
    organizations    text[]      NOT NULL DEFAULT '{}',
    -- lead agency and participating agencies together
    agencies         text[]      NOT NULL DEFAULT '{}',
    retracted        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (action_id, model_version)
);

CREATE UNIQUE INDEX scores_seq_idx ON scores (seq);
CREATE INDEX scores_model_country_idx ON scores (model_version, country) WHERE NOT retracted;
CREATE INDEX scores_model_type_idx ON scores (model_version, action_type) WHERE NOT retracted;
CREATE INDEX scores_model_occurred_idx ON scores (model_version, occurred_on) WHERE NOT retracted;
CREATE INDEX scores_organizations_idx ON scores USING gin (organizations);
CREATE INDEX scores_agencies_idx ON scores USING gin (agencies);

-- Actions whose tombstone arrived: a score that shows up later for one of them stays hidden.
CREATE TABLE retracted_actions (
    action_id    uuid        PRIMARY KEY,
    retracted_at timestamptz NOT NULL DEFAULT now()
);
