-- Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d).
-- Each service owns one schema; the services' own migrations create the tables.
CREATE SCHEMA IF NOT EXISTS events AUTHORIZATION balloon;
CREATE SCHEMA IF NOT EXISTS gateway AUTHORIZATION balloon;
