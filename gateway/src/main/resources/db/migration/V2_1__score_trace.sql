-- The trace (W3C trace id, 32 hex digits) the score record came with, so that the dashboard's
-- breakdown can name it and an operator can look the whole action up in the tracing backend.
-- Null when the record had no traceparent.
ALTER TABLE scores ADD COLUMN trace_id text;
