-- Outbox rows are now written in bulk by plain JDBC (one nextval per row) as well as by Hibernate
-- (retractions); both take one value per row. The values Hibernate's pooled blocks handed out
-- all lie at or below the sequence's current value, so continuing from it by one is safe.
ALTER SEQUENCE outbox_seq INCREMENT BY 1;
